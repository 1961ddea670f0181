import { randomUUID } from 'node:crypto';
import {
  deadLetterTopic,
  parseEvent,
  type DeadLetterReason,
  type DeadLetterRecordedV1,
  type EventEnvelope,
  type ServiceName,
} from '@onewindow/contracts';
import type { DataSource } from 'typeorm';
import { textOf, TopicNaming, type IncomingMessage } from '../core/messages';
import { noMetrics, type MessagingLogger, type MessagingMetrics } from '../core/messaging-metrics';
import { DeadLetter } from '../dead-letters/dead-letter.entity';
import { ProcessedEvent } from '../inbox/processed-event.entity';
import { causedBy, type EventOutbox } from '../outbox/event-outbox';
import type { EventHandler } from './event-handler';
import { RetryPolicy } from './retry-policy';

export type DeliveryOutcome =
  | { handler: string; outcome: 'processed' | 'duplicate' }
  | { handler: string; outcome: 'dead_lettered'; reason: DeadLetterReason; detail: string; deadLetterId?: string };

export interface ConsumerPipelineOptions {
  service: ServiceName;
  dataSource: DataSource;
  outbox: EventOutbox;
  handlers: readonly EventHandler[];
  naming?: TopicNaming;
  retry?: RetryPolicy;
  logger: MessagingLogger;
  metrics?: MessagingMetrics;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Everything between "a message arrived" and "its effect is committed exactly once":
 * validate against the contract, record the event id in the inbox in the handler's own
 * transaction, retry transient failures with back-off, and dead-letter what cannot be handled.
 * It never throws for a bad message, so a poison message cannot block its partition; it throws
 * only when it could not even record the dead letter (the database is down), so the transport
 * redelivers later and nothing is lost.
 */
export class ConsumerPipeline {
  private readonly byTopic = new Map<string, EventHandler[]>();
  private readonly naming: TopicNaming;
  private readonly retry: RetryPolicy;
  private readonly metrics: MessagingMetrics;
  private readonly sleep: (ms: number) => Promise<void>;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: ConsumerPipelineOptions) {
    this.naming = options.naming ?? new TopicNaming();
    this.retry = options.retry ?? new RetryPolicy();
    this.metrics = options.metrics ?? noMetrics;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const names = new Set<string>();
    for (const handler of options.handlers) {
      if (names.has(handler.name)) throw new Error(`Two event handlers are named ${handler.name}`);
      names.add(handler.name);
      const list = this.byTopic.get(handler.topic.name) ?? [];
      list.push(handler);
      this.byTopic.set(handler.topic.name, list);
    }
  }

  /** Logical topic names this pipeline has handlers for. */
  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  handlerNamed(name: string): EventHandler | undefined {
    return this.options.handlers.find((handler) => handler.name === name);
  }

  /** Delivers one message to every handler of its topic, in registration order. */
  async deliver(message: IncomingMessage, heartbeat?: () => Promise<void>): Promise<DeliveryOutcome[]> {
    this.inFlight += 1;
    try {
      const handlers = this.byTopic.get(this.naming.logical(message.topic)) ?? [];
      const outcomes: DeliveryOutcome[] = [];
      for (const handler of handlers) {
        outcomes.push(await this.deliverTo(handler, message, { heartbeat }));
      }
      return outcomes;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no delivery is in flight (graceful shutdown waits for the handler in flight). */
  async whenIdle(): Promise<void> {
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Delivers to one handler. With `recordDeadLetter: false` (used by replay) a failure is
   * returned instead of written as a new dead letter.
   */
  async deliverTo(
    handler: EventHandler,
    message: IncomingMessage,
    options: { heartbeat?: () => Promise<void>; recordDeadLetter?: boolean } = {},
  ): Promise<DeliveryOutcome> {
    const recordDeadLetter = options.recordDeadLetter ?? true;
    const topicName = this.naming.logical(message.topic);
    const parsed = parseEvent(handler.topic, message.value);
    if (!parsed.ok) {
      const detail = `invalid event on ${topicName}: ${parsed.summary}`;
      return this.fail(handler, message, 'invalid-event', detail, 0, recordDeadLetter);
    }
    const envelope = parsed.envelope;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await this.handleOnce(handler, envelope, message, attempt);
        this.metrics.eventConsumed(topicName, outcome);
        return { handler: handler.name, outcome };
      } catch (error) {
        if (!this.retry.shouldRetry(attempt, error)) {
          const detail = `${handler.name} failed after ${attempt} attempt(s): ${describe(error)}`;
          return this.fail(handler, message, 'handler-failed', detail, attempt, recordDeadLetter);
        }
        this.metrics.eventConsumed(topicName, 'retried');
        this.options.logger.warn(
          `${handler.name} failed on event ${envelope.id} (attempt ${attempt}/${this.retry.maxAttempts}), retrying: ${describe(error)}`,
        );
        await this.sleep(this.retry.delayAfter(attempt));
        await options.heartbeat?.().catch(() => undefined);
      }
    }
  }

  private async handleOnce(
    handler: EventHandler,
    envelope: EventEnvelope,
    message: IncomingMessage,
    attempt: number,
  ): Promise<'processed' | 'duplicate'> {
    return this.options.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(ProcessedEvent)
        .values({ consumer: handler.name, eventId: envelope.id, topic: handler.topic.name })
        .orIgnore()
        .returning(['eventId'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return 'duplicate';
      await handler.handle(envelope as EventEnvelope<never>, {
        tx,
        cause: causedBy(envelope),
        delivery: { topic: message.topic, partition: message.partition, offset: message.offset, attempt },
      });
      return 'processed';
    });
  }

  private async fail(
    handler: EventHandler,
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts: number,
    record: boolean,
  ): Promise<DeliveryOutcome> {
    const topicName = this.naming.logical(message.topic);
    if (!record) return { handler: handler.name, outcome: 'dead_lettered', reason, detail };
    const deadLetterId = await this.recordDeadLetter(handler.name, message, reason, detail, attempts);
    this.metrics.eventConsumed(topicName, 'dead_lettered');
    this.metrics.deadLettered(topicName, reason);
    this.options.logger.warn(
      `Dead-lettered ${topicName} partition ${message.partition} offset ${message.offset} for ${handler.name} (${reason}): ${detail}`,
    );
    return { handler: handler.name, outcome: 'dead_lettered', reason, detail, deadLetterId };
  }

  private async recordDeadLetter(
    consumer: string,
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts: number,
  ): Promise<string> {
    const id = randomUUID();
    const record: DeadLetterRecordedV1 = {
      deadLetterId: id,
      consumer,
      reason,
      detail: detail.slice(0, 4000),
      originalTopic: this.naming.logical(message.topic),
      originalPartition: message.partition,
      originalOffset: message.offset,
      ...(message.key !== null ? { originalKey: message.key } : {}),
      originalValue: textOf(message.value),
      originalHeaders: message.headers,
      attempts,
      failedAt: new Date().toISOString(),
    };
    await this.options.dataSource.transaction(async (tx) => {
      await tx.insert(DeadLetter, {
        id,
        consumer,
        reason,
        detail: record.detail,
        originalTopic: record.originalTopic,
        originalPartition: record.originalPartition,
        originalOffset: record.originalOffset,
        originalKey: message.key,
        originalValue: record.originalValue,
        originalHeaders: record.originalHeaders,
        attempts,
        status: 'open',
      });
      await this.options.outbox.add(tx, deadLetterTopic(this.options.service), record);
    });
    return id;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
