import { ServerKafka } from '@nestjs/microservices';
import { logLevel, Partitioners, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import type { BatchDelivery, EventConsumerServer, IncomingMessage } from '../core/messages';

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
 * Nest's Kafka transport, consuming whole fetched batches instead of one message at a time: the
 * pipeline handles a run of a partition's messages in one transaction per handler, and the offset
 * moves past a run only once its effects are committed. Values stay binary so the pipeline sees
 * each message verbatim (and can dead-letter it verbatim); new groups start from the earliest
 * offset so no event published before a first deployment is skipped.
 */
export class BatchingKafkaServer extends ServerKafka implements EventConsumerServer {
  private subscription: { topics: string[]; deliver: BatchDelivery } | null = null;
  private readonly maxBatchSize: number;

  constructor(options: KafkaServerOptions) {
    super({
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
    this.maxBatchSize = options.maxBatchSize ?? 100;
  }

  consume(topics: string[], deliver: BatchDelivery): void {
    this.subscription = { topics, deliver };
  }

  /** The consumer only: this server never replies, so it connects no producer of its own. */
  override async start(callback: () => void): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('Kafka client not created');
    this.consumer = client.consumer({ ...(this.options.consumer ?? {}), groupId: this.groupId });
    this.registerConsumerEventListeners();
    await this.consumer.connect();
    await this.bindEvents(this.consumer);
    callback();
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const subscription = this.subscription;
    if (!subscription || subscription.topics.length === 0) return;
    await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics: subscription.topics });
    await consumer.run({
      ...(this.options.run ?? {}),
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
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : Array.isArray(value) ? value.map(String).join(',') : String(value);
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
