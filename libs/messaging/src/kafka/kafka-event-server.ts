import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { Kafka, logLevel, type Consumer, type ConsumerConfig, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import type { BatchDelivery, EventConsumerServer, IncomingMessage } from '../core/messages';
import { kafkaLogCreator } from './kafka-logger';

export interface KafkaServerOptions {
  brokers: string[];
  clientId: string;
  /** One consumer group per service, exactly this name: no hidden `-server` suffix. */
  groupId: string;
  /** Partitions handled at once; order is kept within each partition (per application). */
  partitionsConsumedConcurrently?: number;
  /** Most messages handed to the pipeline at once (one transaction per handler); default 100. */
  maxBatchSize?: number;
}

/**
 * A Nest transport strategy over a kafkajs consumer group that hands whole fetched batches to the
 * pipeline: it handles a run of a partition's messages in one transaction per handler, and the
 * offset moves past a run only once its effects are committed. Values stay binary so the pipeline
 * sees each message verbatim (and can dead-letter it verbatim); new groups start from the earliest
 * offset so no event published before a first deployment is skipped. It never replies, so it has
 * no producer: the outbox relay publishes.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy, EventConsumerServer {
  private subscription: { topics: string[]; deliver: BatchDelivery } | null = null;
  private consumer: Consumer | null = null;
  private readonly kafka: Kafka;
  private readonly consumerConfig: ConsumerConfig;
  private readonly maxBatchSize: number;
  private readonly partitionsConsumedConcurrently: number;

  constructor(options: KafkaServerOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(`Kafka:${options.clientId}`),
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10 },
    });
    this.consumerConfig = {
      groupId: options.groupId,
      // A crashed instance's partitions move to a live one after this long.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
      // Bounds how long a shutdown waits for the fetch in flight.
      maxWaitTimeInMs: 1_000,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10 },
    };
    this.maxBatchSize = options.maxBatchSize ?? 100;
    this.partitionsConsumedConcurrently = options.partitionsConsumedConcurrently ?? 3;
  }

  consume(topics: string[], deliver: BatchDelivery): void {
    this.subscription = { topics, deliver };
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }

  on(): never {
    throw new Error('The Kafka event server has no events to listen to');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('The Kafka consumer is not connected');
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const subscription = this.subscription;
    // A service that consumes nothing joins no group.
    if (!subscription || subscription.topics.length === 0) return;
    const consumer = this.kafka.consumer(this.consumerConfig);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: subscription.topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload, subscription.deliver),
    });
  }

  private async consumeBatch(payload: EachBatchPayload, deliver: BatchDelivery): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const messages = batch.messages;
    for (let start = 0; start < messages.length; start += this.maxBatchSize) {
      // Stopping or rebalanced away: what is not resolved is fetched again by whoever owns the partition.
      if (!isRunning() || isStale()) return;
      const run = messages.slice(start, start + this.maxBatchSize);
      await deliver(
        run.map((message) => incomingMessage(batch.topic, batch.partition, message)),
        heartbeat,
      );
      resolveOffset((run[run.length - 1] as KafkaMessage).offset);
      await heartbeat();
    }
  }
}

function incomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined)
      headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null || message.key === undefined ? null : message.key.toString('utf8'),
    headers,
    value: message.value,
  };
}
