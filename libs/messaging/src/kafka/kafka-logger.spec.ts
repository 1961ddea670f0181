import { Logger } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-logger';

describe("kafkajs's log lines", () => {
  const logged = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      kafkaLogCreator('Kafka:intake-consumer')(logLevel.INFO)({
        namespace: 'Connection',
        level,
        label: 'ERROR',
        log: { timestamp: '2026-12-07T16:00:00.000Z', message, ...extra },
      });
      return { errors: error.mock.calls.map((call) => String(call[0])), warnings: warn.mock.calls.map((call) => String(call[0])) };
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  };

  it('are warnings when they are a broker answer kafkajs retries, such as a partition whose leader moved', () => {
    const { errors, warnings } = logged(logLevel.ERROR, 'Response ListOffsets(key: 2, version: 3)', {
      error: 'This server is not the leader for that topic-partition',
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('This server is not the leader for that topic-partition')]);
  });

  it('stay errors when kafkajs gives up, such as a consumer that crashed', () => {
    const { errors } = logged(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'intake' });
    expect(errors).toEqual([expect.stringContaining('Crash: KafkaJSNumberOfRetriesExceeded')]);
  });
});
