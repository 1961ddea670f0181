import { Logger } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';

/** kafkajs's log lines through Nest's logger, so they share the service's format and masking. */
export function kafkaLogCreator(context: string): logCreator {
  const logger = new Logger(context);
  return () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      const line = Object.keys(extra).length > 0 ? `${message} ${JSON.stringify(extra)}` : message;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else if (level === logLevel.INFO) logger.log(line);
      else logger.debug(line);
    };
}
