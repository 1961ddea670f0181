import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { PublishRefusedError, type EventPublisher, type OutgoingRecord } from '../core/messages';
import { kafkaLogCreator } from './kafka-logger';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
  /** How long one publish may take before the relay backs off and tries again. */
  requestTimeoutMs?: number;
}

/**
 * Publishes outbox batches through a kafkajs producer: idempotent, one request in flight and
 * acknowledgement from all in-sync replicas, so a batch arrives once and in order.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly kafka: Kafka;
  private connecting: Promise<Producer> | null = null;

  constructor(options: KafkaPublisherOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: 3_000,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(`Kafka:${options.clientId}`),
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
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
      // The broker answered, and refused the records themselves: the connection is fine.
      const refusal = refusalOf(error);
      if (refusal) throw new PublishRefusedError(refusal, { cause: error });
      // Reconnect from scratch next time: kafkajs producers do not always recover after an outage.
      await this.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = null;
    const producer = await connecting?.catch(() => null);
    await producer?.disconnect();
  }

  private producer(): Promise<Producer> {
    if (!this.connecting) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      const connecting = producer.connect().then(() => producer);
      this.connecting = connecting;
      connecting.catch(() => {
        if (this.connecting === connecting) this.connecting = null;
      });
    }
    return this.connecting;
  }
}

/**
 * Non-retriable errors that concern the producer's own state, not the records: resending the same
 * records later (with a new producer) succeeds, so they are outages, never refusals.
 */
const PRODUCER_STATE_ERRORS = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'DUPLICATE_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_ID_MAPPING',
  'PRODUCER_FENCED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

/**
 * Why the broker refused the records, when a kafkajs error says it did: the root cause is a
 * non-retriable error about the records (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE, INVALID_RECORD,
 * a policy violation…). An unreachable broker or a producer-state error is no refusal (null).
 */
export function refusalOf(error: unknown): string | null {
  const root = rootCause(error);
  if (!(root instanceof Error)) return null;
  const { retriable, type } = root as Error & { retriable?: unknown; type?: unknown };
  if (retriable !== false) return null;
  if (/Connection|Timeout/.test(root.name)) return null;
  if (typeof type === 'string' && PRODUCER_STATE_ERRORS.has(type)) return null;
  return typeof type === 'string' ? `${type}: ${root.message}` : root.message;
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth += 1) {
    const next =
      (current as { cause?: unknown; originalError?: unknown } | null)?.cause ??
      (current as { originalError?: unknown } | null)?.originalError;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}
