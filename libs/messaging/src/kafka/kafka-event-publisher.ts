import { ClientKafka } from '@nestjs/microservices';
import { logLevel, Partitioners, type Producer } from 'kafkajs';
import type { EventPublisher, OutgoingRecord } from '../core/messages';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
  /** How long one publish may take before the relay backs off and tries again. */
  requestTimeoutMs?: number;
}

/**
 * Publishes outbox batches through Nest's Kafka client: an idempotent producer, one request in
 * flight and acknowledgement from all in-sync replicas, so a batch arrives once and in order.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly client: ClientKafka;
  private connecting: Promise<Producer> | null = null;

  constructor(options: KafkaPublisherOptions) {
    this.client = new ClientKafka({
      client: {
        clientId: options.clientId,
        brokers: options.brokers,
        requestTimeout: options.requestTimeoutMs ?? 10_000,
        connectionTimeout: 3_000,
        logLevel: logLevel.WARN,
        retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
      },
      producer: {
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      },
      producerOnlyMode: true,
      postfixId: '',
    });
  }

  async publish(records: readonly OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.producer();
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const record of records) {
      const list = byTopic.get(record.topic) ?? [];
      list.push(record);
      byTopic.set(record.topic, list);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
          topic,
          messages: list.map((record) => ({ key: record.key, value: record.value, headers: record.headers })),
        })),
      });
    } catch (error) {
      // Reconnect from scratch next time: kafkajs producers do not always recover after an outage.
      this.connecting = null;
      await this.client.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.connecting = null;
    await this.client.close();
  }

  private producer(): Promise<Producer> {
    if (!this.connecting) {
      this.connecting = this.client.connect().then(() => this.client.producer as unknown as Producer);
      this.connecting.catch(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }
}
