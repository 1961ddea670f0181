import type { EventTransport, PartitionLag } from '../core/event-transport';
import { checkKafkaReachable, ensureKafkaTopics, fetchConsumerLag } from './kafka-admin';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventServer } from './kafka-event-server';

export interface KafkaTransportOptions {
  brokers: string[];
  /** The service's name: client ids are derived from it. */
  clientIdPrefix: string;
  groupId: string;
  partitions?: number;
  partitionsConsumedConcurrently?: number;
  maxBatchSize?: number;
}

/** Apache Kafka through kafkajs: an idempotent producer for the relay, a batching consumer group for the pipeline. */
export class KafkaEventTransport implements EventTransport {
  readonly publisher: KafkaEventPublisher;
  readonly server: KafkaEventServer;

  constructor(private readonly options: KafkaTransportOptions) {
    this.publisher = new KafkaEventPublisher({ brokers: options.brokers, clientId: `${options.clientIdPrefix}-relay` });
    this.server = new KafkaEventServer({
      brokers: options.brokers,
      clientId: `${options.clientIdPrefix}-consumer`,
      groupId: options.groupId,
      ...(options.partitionsConsumedConcurrently ? { partitionsConsumedConcurrently: options.partitionsConsumedConcurrently } : {}),
      ...(options.maxBatchSize ? { maxBatchSize: options.maxBatchSize } : {}),
    });
  }

  ensureTopics(topics: readonly string[]): Promise<string[]> {
    return ensureKafkaTopics(this.options.brokers, topics, { partitions: this.options.partitions ?? 3 });
  }

  checkReachable(): Promise<void> {
    return checkKafkaReachable(this.options.brokers);
  }

  consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
    return topics.length === 0 ? Promise.resolve([]) : fetchConsumerLag(this.options.brokers, groupId, topics);
  }

  closePublisher(): Promise<void> {
    return this.publisher.close();
  }
}
