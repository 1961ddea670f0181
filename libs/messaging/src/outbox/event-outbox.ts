import { createEnvelope, type EventEnvelope, type ServiceName, type TopicDefinition } from '@onewindow/contracts';
import { quotedTable } from '@onewindow/persistence';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/** Where an event comes from: the request or event that caused it, for correlation and tracing. */
export interface EventCause {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  tracestate?: string;
}

interface PendingRow {
  eventId: string;
  topic: string;
  messageKey: string;
  envelope: EventEnvelope;
}

/**
 * Writes events to the transactional outbox. Always pass the EntityManager of the transaction
 * that makes the change, so the change and its announcement commit or roll back together.
 *
 * The rows are written just before the transaction commits, all in one INSERT: a transaction that
 * announces ten events (a consumed batch, a bundle decision) pays one statement, not ten. Inside
 * the transaction nothing can tell the difference; a rollback simply drops them.
 */
export class EventOutbox {
  private readonly listeners = new Set<() => void>();
  private readonly watched = new WeakSet<DataSource>();
  /** Rows added since the innermost open transaction level began, per connection. */
  private readonly pending = new WeakMap<QueryRunner, PendingRow[]>();
  /** Connections whose transaction wrote to the outbox: their commit wakes the relay. */
  private readonly wrote = new WeakSet<QueryRunner>();

  constructor(
    private readonly service: ServiceName,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async add<T extends object>(tx: EntityManager, topic: TopicDefinition<T>, data: T, cause: EventCause = {}): Promise<EventEnvelope<T>> {
    const queryRunner = tx.queryRunner;
    if (!queryRunner?.isTransactionActive) {
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
    this.watch(tx.connection);
    const rows = this.pending.get(queryRunner);
    const row = { eventId: envelope.id, topic: topic.name, messageKey: envelope.subject, envelope };
    if (rows) rows.push(row);
    else this.pending.set(queryRunner, [row]);
    this.wrote.add(queryRunner);
    return envelope;
  }

  /** @internal the relay subscribes to be woken when something was added. */
  onAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes the rows waiting on this connection, inside its open transaction. */
  private async flush(manager: EntityManager, queryRunner: QueryRunner): Promise<void> {
    const rows = this.pending.get(queryRunner);
    if (!rows || rows.length === 0) return;
    this.pending.delete(queryRunner);
    await queryRunner.query(
      `INSERT INTO ${quotedTable(manager, OutboxMessage)} (event_id, topic, message_key, envelope, headers)
       SELECT event_id, topic, message_key, envelope, '{}'::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS r(event_id, topic, message_key, envelope)`,
      [rows.map((r) => r.eventId), rows.map((r) => r.topic), rows.map((r) => r.messageKey), rows.map((r) => JSON.stringify(r.envelope))],
    );
  }

  private watch(dataSource: DataSource): void {
    if (this.watched.has(dataSource)) return;
    this.watched.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
      // A savepoint opens: what the enclosing level added is written first, so a rollback to the
      // savepoint drops only what was added after it. (An outer transaction has nothing pending:
      // every earlier one was flushed at its commit or dropped at its rollback.)
      beforeTransactionStart: (event: TransactionStartEvent) => this.flush(event.manager, event.queryRunner),
      beforeTransactionCommit: (event: TransactionCommitEvent) => this.flush(event.manager, event.queryRunner),
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        // A released savepoint is not the commit: the outer transaction is still open. The relay
        // is woken only now: earlier it would look before the rows are visible, and sleep again.
        if (event.queryRunner.isTransactionActive || !this.wrote.has(event.queryRunner)) return;
        this.wrote.delete(event.queryRunner);
        this.listeners.forEach((listener) => listener());
      },
      beforeTransactionRollback: (event: TransactionRollbackEvent) => {
        this.pending.delete(event.queryRunner);
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.wrote.delete(event.queryRunner);
      },
    };
    dataSource.subscribers.push(subscriber);
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
