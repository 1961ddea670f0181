import { randomUUID } from 'node:crypto';
import {
  DEAD_LETTER_DETAIL_MAX,
  DEAD_LETTER_EXCERPT_MAX,
  deadLetterTopic,
  parseEvent,
  type DeadLetterReason,
  type DeadLetterRecordedV2,
  type EventEnvelope,
  type ServiceName,
} from '@onewindow/contracts';
import { quotedTable } from '@onewindow/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { readable, readableClipped, referenceOf } from '../core/message-value';
import { TopicNaming, type IncomingMessage } from '../core/messages';
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
    return (await this.deliverBatch([message], heartbeat))[0] ?? [];
  }

  /**
   * Delivers messages (one partition's, in offset order) to every handler of their topics. Each
   * handler takes the whole run of its messages in one transaction with one inbox insert, so a
   * busy consumer pays one commit per batch instead of one per event. If that transaction fails
   * for any reason, nothing of it stays and the messages go through one by one, each with its own
   * retries and dead letter: a bad message costs its batch a second pass, never its effect.
   * Returns each message's outcomes, in the order of `messages`.
   */
  async deliverBatch(messages: readonly IncomingMessage[], heartbeat?: () => Promise<void>): Promise<DeliveryOutcome[][]> {
    this.inFlight += 1;
    try {
      const outcomes: DeliveryOutcome[][] = messages.map(() => []);
      for (const [topicName, indexes] of groupByTopic(messages, (m) => this.naming.logical(m.topic))) {
        const handlers = this.byTopic.get(topicName) ?? [];
        const contract = handlers[0]?.topic;
        if (!contract) continue;
        // Every handler of a topic reads the same contract: validate each message once.
        const parsed = indexes.map((index) => {
          const message = messages[index] as IncomingMessage;
          return { index, message, result: parseEvent(contract, message.value) };
        });
        for (const handler of handlers) {
          const valid: ParsedDelivery[] = [];
          for (const item of parsed) {
            if (item.result.ok) valid.push({ index: item.index, message: item.message, envelope: item.result.envelope });
            else {
              const detail = `invalid event on ${topicName}: ${item.result.summary}`;
              (outcomes[item.index] as DeliveryOutcome[]).push(await this.fail(handler, item.message, 'invalid-event', detail, 0, true));
            }
          }
          for (const [index, outcome] of await this.deliverRun(handler, valid, heartbeat))
            (outcomes[index] as DeliveryOutcome[]).push(outcome);
          await heartbeat?.().catch(() => undefined);
        }
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
    const parsed = parseEvent(handler.topic, message.value);
    if (!parsed.ok) {
      const detail = `invalid event on ${this.naming.logical(message.topic)}: ${parsed.summary}`;
      return this.fail(handler, message, 'invalid-event', detail, 0, recordDeadLetter);
    }
    return this.deliverParsed(handler, message, parsed.envelope, options.heartbeat, recordDeadLetter);
  }

  private async deliverRun(
    handler: EventHandler,
    run: readonly ParsedDelivery[],
    heartbeat?: () => Promise<void>,
  ): Promise<Array<[number, DeliveryOutcome]>> {
    if (run.length > 1) {
      try {
        const outcomes = await this.handleBatchOnce(handler, run);
        return run.map((item, i) => [item.index, outcomes[i] as DeliveryOutcome]);
      } catch (error) {
        // Rolled back as a whole; one by one, each message finds its own fate.
        this.options.logger.warn(
          `${handler.name}: a batch of ${run.length} event(s) failed (${describe(error)}); handling them one by one`,
        );
      }
    }
    const outcomes: Array<[number, DeliveryOutcome]> = [];
    for (const item of run) outcomes.push([item.index, await this.deliverParsed(handler, item.message, item.envelope, heartbeat, true)]);
    return outcomes;
  }

  private async deliverParsed(
    handler: EventHandler,
    message: IncomingMessage,
    envelope: EventEnvelope,
    heartbeat: (() => Promise<void>) | undefined,
    recordDeadLetter: boolean,
  ): Promise<DeliveryOutcome> {
    const topicName = this.naming.logical(message.topic);
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
        await heartbeat?.().catch(() => undefined);
      }
    }
  }

  /** One transaction for a run of events: one inbox insert tells the new from the already handled. */
  private async handleBatchOnce(handler: EventHandler, run: readonly ParsedDelivery[]): Promise<DeliveryOutcome[]> {
    const outcomes = await this.options.dataSource.transaction(async (tx) => {
      const fresh = await claimEvents(
        tx,
        handler,
        run.map((item) => item.envelope),
      );
      const result: Array<'processed' | 'duplicate'> = [];
      for (const item of run) {
        // The same event twice in one batch: the first occurrence takes it.
        if (!fresh.delete(item.envelope.id)) {
          result.push('duplicate');
          continue;
        }
        await handler.handle(item.envelope as EventEnvelope<never>, {
          tx,
          cause: causedBy(item.envelope),
          delivery: { topic: item.message.topic, partition: item.message.partition, offset: item.message.offset, attempt: 1 },
        });
        result.push('processed');
      }
      return result;
    });
    return outcomes.map((outcome, i) => {
      this.metrics.eventConsumed(this.naming.logical((run[i] as ParsedDelivery).message.topic), outcome);
      return { handler: handler.name, outcome };
    });
  }

  private async handleOnce(
    handler: EventHandler,
    envelope: EventEnvelope,
    message: IncomingMessage,
    attempt: number,
  ): Promise<'processed' | 'duplicate'> {
    return this.options.dataSource.transaction(async (tx) => {
      if ((await claimEvents(tx, handler, [envelope])).size === 0) return 'duplicate';
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
    // A detail can quote the message (a field name, a value): bounded, and NUL escaped, before it goes anywhere.
    detail = readableClipped(detail, DEAD_LETTER_DETAIL_MAX);
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
    // The event names the message and quotes a bounded excerpt, never the whole value: a poison
    // message of any size makes a dead-letter event the broker accepts.
    const reference = referenceOf(message.value, DEAD_LETTER_EXCERPT_MAX);
    const record: DeadLetterRecordedV2 = {
      deadLetterId: id,
      consumer,
      reason,
      detail,
      originalTopic: this.naming.logical(message.topic),
      originalPartition: message.partition,
      originalOffset: message.offset,
      ...(message.key !== null ? { originalKey: readable(message.key) } : {}),
      originalHeaders: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [readable(name), readable(value)])),
      originalSize: reference.size,
      originalSha256: reference.sha256,
      originalExcerpt: reference.excerpt,
      originalExcerptTruncated: reference.truncated,
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
        // Key, headers and detail are text: NUL escaped. The value is bytes: any byte sequence fits.
        originalKey: record.originalKey ?? null,
        originalValue: reference.bytes,
        originalSize: reference.size,
        originalSha256: reference.sha256,
        originalExcerpt: reference.excerpt,
        originalHeaders: record.originalHeaders,
        attempts,
        status: 'open',
      });
      await this.options.outbox.add(tx, deadLetterTopic(this.options.service), record);
    });
    return id;
  }
}

interface ParsedDelivery {
  /** Position in the delivered batch. */
  index: number;
  message: IncomingMessage;
  envelope: EventEnvelope;
}

/** Message indexes by logical topic, each list in delivery order. */
function groupByTopic(messages: readonly IncomingMessage[], logical: (m: IncomingMessage) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const topic = logical(message);
    const list = groups.get(topic);
    if (list) list.push(index);
    else groups.set(topic, [index]);
  });
  return groups;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The idempotent inbox: records these events as handled by this handler, in the transaction of
 * their effects, and answers the ids that were new (the others were handled before). A handler
 * with its own event log (`claim`) is its own inbox.
 */
async function claimEvents(tx: EntityManager, handler: EventHandler, envelopes: readonly EventEnvelope[]): Promise<Set<string>> {
  if (handler.claim) return handler.claim(tx, envelopes);
  const eventIds = envelopes.map((envelope) => envelope.id);
  const inserted: Array<{ event_id: string }> = await tx.query(
    `INSERT INTO ${quotedTable(tx, ProcessedEvent)} (consumer, event_id, topic)
     SELECT $1, event_id, $3 FROM unnest($2::text[]) AS event_id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [handler.name, eventIds, handler.topic.name],
  );
  return new Set(inserted.map((row) => row.event_id));
}
