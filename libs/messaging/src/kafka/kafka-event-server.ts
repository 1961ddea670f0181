import { ServerKafka } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';

export interface KafkaServerOptions {
  brokers: string[];
  clientId: string;
  /** One consumer group per service, exactly this name: no hidden `-server` suffix. */
  groupId: string;
  /** Partitions handled at once; order is kept within each partition (per application). */
  partitionsConsumedConcurrently?: number;
}

/**
 * Nest's Kafka transport configured for OneWindow's consumers: values kept binary so the
 * pipeline sees the message verbatim (and can dead-letter it verbatim), new groups start from
 * the earliest offset so no event published before a first deployment is skipped.
 */
export function createKafkaEventServer(options: KafkaServerOptions): ServerKafka {
  return new ServerKafka({
    client: {
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10 },
    },
    producer: { createPartitioner: Partitioners.DefaultPartitioner },
    consumer: {
      groupId: options.groupId,
      // A crashed instance's partitions move to a live one after this long.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
      // Bounds how long a shutdown waits for the fetch in flight.
      maxWaitTimeInMs: 1_000,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10 },
    },
    subscribe: { fromBeginning: true },
    run: { partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3 },
    parser: { keepBinary: true },
    postfixId: '',
  });
}
