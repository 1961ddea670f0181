import { createEnvelope, type EventEnvelope, type ServiceName, type TopicDefinition } from '@onewindow/contracts';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/** Where an event comes from: the request or event that caused it, for correlation and tracing. */
export interface EventCause {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  tracestate?: string;
}

/**
 * Writes events to the transactional outbox. Always pass the EntityManager of the transaction
 * that makes the change, so the change and its announcement commit or roll back together.
 */
/** Marks a transaction (its query runner) that wrote to the outbox, so its commit wakes the relay. */
const ADDED_IN_THIS_TRANSACTION = 'onewindowOutboxAdded';

export class EventOutbox {
  private readonly listeners = new Set<() => void>();
  private readonly watched = new WeakSet<DataSource>();

  constructor(
    private readonly service: ServiceName,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async add<T extends object>(
    tx: EntityManager,
    topic: TopicDefinition<T>,
    data: T,
    cause: EventCause = {},
  ): Promise<EventEnvelope<T>> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error(`EventOutbox.add(${topic.name}) must run inside the transaction that makes the change`);
    }
    if (topic.producer !== this.service) {
      throw new Error(`${this.service} may not publish ${topic.name}: it belongs to ${topic.producer}`);
    }
    const envelope = createEnvelope(topic, data, {
      service: this.service,
      time: this.clock(),
      ...(cause.correlationId ? { correlationId: cause.correlationId } : {}),
      ...(cause.causationId ? { causationId: cause.causationId } : {}),
      ...(cause.traceparent ? { traceparent: cause.traceparent } : {}),
      ...(cause.tracestate ? { tracestate: cause.tracestate } : {}),
    });
    await tx.insert(OutboxMessage, {
      eventId: envelope.id,
      topic: topic.name,
      messageKey: envelope.subject,
      envelope,
      headers: {},
    });
    // The relay polls anyway; waking it when the transaction commits only shortens the wait.
    // Waking it earlier would have it look before the rows are visible, and sleep again.
    this.watch(tx.connection);
    tx.queryRunner.data = { ...tx.queryRunner.data, [ADDED_IN_THIS_TRANSACTION]: true };
    return envelope;
  }

  private watch(dataSource: DataSource): void {
    if (this.watched.has(dataSource)) return;
    this.watched.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        // A released savepoint is not the commit: the outer transaction is still open.
        if (!data?.[ADDED_IN_THIS_TRANSACTION] || event.queryRunner.isTransactionActive) return;
        data[ADDED_IN_THIS_TRANSACTION] = false;
        this.listeners.forEach((listener) => listener());
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (data && !event.queryRunner.isTransactionActive) data[ADDED_IN_THIS_TRANSACTION] = false;
      },
    };
    dataSource.subscribers.push(subscriber);
  }

  /** @internal the relay subscribes to be woken when something was added. */
  onAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The cause fields to carry from a consumed event to the events its handler publishes. */
export function causedBy(event: EventEnvelope): EventCause {
  return {
    correlationId: event.correlationid,
    causationId: event.id,
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    ...(event.tracestate ? { tracestate: event.tracestate } : {}),
  };
}
