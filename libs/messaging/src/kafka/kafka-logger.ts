import { Logger } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * kafkajs's log lines through Nest's logger, so they share the service's format and masking. A
 * broker's error answer to one request ("Response ListOffsets … not the leader", "coordinator is
 * loading") is logged by kafkajs at error level although kafkajs retries it — routine while topics
 * and groups settle after a start; it is a warning here. What kafkajs cannot recover from still
 * comes as an error (a crashed consumer, a failed send).
 */
export function kafkaLogCreator(context: string): logCreator {
  const logger = new Logger(context);
  return () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      const line = Object.keys(extra).length > 0 ? `${message} ${JSON.stringify(extra)}` : message;
      if (level === logLevel.ERROR && !isBrokerAnswer(message)) logger.error(line);
      else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(line);
      else if (level === logLevel.INFO) logger.log(line);
      else logger.debug(line);
    };
}

function isBrokerAnswer(message: string): boolean {
  return message.startsWith('Response ');
}
