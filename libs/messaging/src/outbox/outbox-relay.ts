import { quotedTable } from '@onewindow/persistence';
import { randomUUID } from 'node:crypto';
import { ENVELOPE_CONTENT_TYPE } from '@onewindow/contracts';
import { IsNull, type DataSource } from 'typeorm';
import type { EventPublisher, OutgoingRecord } from '../core/messages';
import { TopicNaming } from '../core/messages';
import { noMetrics, type MessagingLogger, type MessagingMetrics } from '../core/messaging-metrics';
import type { EventOutbox } from './event-outbox';
import { DEFAULT_OUTBOX_MAX_BATCH_BYTES, publishIsolatingRefusals, recordBytes, takeBatch } from './outbox-batching';
import { OutboxMessage, OutboxRelayLease } from './outbox-message.entity';
import { backOffDelay } from '../consumer/retry-policy';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: EventPublisher;
  outbox: EventOutbox;
  /** Names the lease: one active relay per service. */
  service: string;
  naming?: TopicNaming;
  batchSize?: number;
  /** Most bytes in one publish: below the broker's `message.max.bytes` (default 900 KiB). */
  maxBatchBytes?: number;
  pollIntervalMs?: number;
  /** How long a relay instance keeps the right to publish without renewing it. */
  leaseMs?: number;
  /** Back-off ceiling while the broker is unreachable. */
  maxBackoffMs?: number;
  logger: MessagingLogger;
  metrics?: MessagingMetrics;
}

/**
 * Publishes outbox rows in id order and marks them sent. At-least-once: a crash between publish
 * and mark sends the batch again, and consumers de-duplicate by event id. While the broker is
 * down rows simply wait; publishing resumes with back-off.
 *
 * Batches are sized in bytes to what the broker accepts. A row the broker refuses for what it is
 * (too large, invalid) would otherwise be retried forever in front of every later event: it is
 * set aside (`failed_at`, `failure_reason`), counted, reported in readiness, and the relay moves on.
 */
export class OutboxRelay {
  private readonly holder = randomUUID();
  private readonly naming: TopicNaming;
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly maxBackoffMs: number;
  private readonly metrics: MessagingMetrics;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** An event committed while the relay was draining: look again at once instead of sleeping. */
  private wokenWhileBusy = false;
  /** Until when the lease this relay holds needs no renewal. */
  private leaseRenewAt = 0;
  private holdsLease = false;
  private unsubscribe: (() => void) | null = null;
  private failures = 0;
  /** Rows set aside as refused, as last counted (readiness reads it synchronously). */
  private refused = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.naming = options.naming ?? new TopicNaming();
    this.batchSize = options.batchSize ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_OUTBOX_MAX_BATCH_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.metrics = options.metrics ?? noMetrics;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A new event only cuts an idle wait short, never a back-off after failures.
    this.unsubscribe = this.options.outbox.onAdded(() => {
      // Another instance holds the lease and publishes: this one only polls, so a commit here costs no lease write.
      if (this.failures > 0 || !this.holdsLease) return;
      if (this.wake) this.wake();
      else this.wokenWhileBusy = true;
    });
    this.loop = this.run();
    void this.countRefused().catch(() => undefined);
  }

  /** Stops polling, then publishes what is left (flush) until `flushTimeoutMs` passes. */
  async stop(flushTimeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    const deadline = Date.now() + flushTimeoutMs;
    try {
      while (Date.now() < deadline && (await this.drainOnce()) > 0) {
        /* keep flushing */
      }
    } catch (error) {
      this.options.logger.warn(`Outbox not fully flushed at shutdown: ${(error as Error).message}`);
    }
    await this.releaseLease();
  }

  /** Publishes one batch if this instance holds the lease; returns how many rows were settled (sent or set aside). */
  async drainOnce(): Promise<number> {
    const batch = await this.drainBatch();
    if (batch.error !== undefined && batch.settled === 0) throw batch.error;
    return batch.settled;
  }

  /** One batch; an outage part-way is returned as `error` beside what was settled before it. */
  private async drainBatch(): Promise<{ settled: number; more: boolean; error?: unknown }> {
    const { dataSource, publisher } = this.options;
    if (!(await this.acquireLease())) return { settled: 0, more: false };
    const table = quotedTable(dataSource, OutboxMessage);
    // The envelope as the text PostgreSQL keeps: no parse into objects and back per row.
    const rows: UnsentRow[] = await dataSource.query(
      `SELECT id, event_id, topic, message_key, envelope::text AS envelope, headers FROM ${table}
        WHERE published_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return { settled: 0, more: false };
    const records = rows.map((row) => ({ row, record: this.toRecord(row) }));
    const batch = takeBatch(records, (item) => recordBytes(item.record), this.maxBatchBytes);
    const result = await publishIsolatingRefusals(batch, (items) => publisher.publish(items.map((item) => item.record)));
    if (result.published.length > 0) {
      await dataSource.query(`UPDATE ${table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        result.published.map((item) => item.row.id),
      ]);
      const perTopic = new Map<string, number>();
      result.published.forEach(({ row }) => perTopic.set(row.topic, (perTopic.get(row.topic) ?? 0) + 1));
      perTopic.forEach((count, topic) => this.metrics.outboxPublished(topic, count));
    }
    for (const { item, reason } of result.refused) await this.setAside(item.row, item.record, reason);
    const settled = result.published.length + result.refused.length;
    // What was settled before an outage stays settled; the rest waits for the next attempt.
    if (result.error !== undefined) return { settled, more: true, error: result.error };
    return { settled, more: rows.length === this.batchSize || batch.length < rows.length };
  }

  /** Rows the broker refused and the relay set aside, as last counted. */
  refusedRows(): number {
    return this.refused;
  }

  /** Counts the rows set aside (at start, and whenever an operator wants the truth from the table). */
  async countRefused(): Promise<number> {
    const table = quotedTable(this.options.dataSource, OutboxMessage);
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS count FROM ${table} WHERE published_at IS NULL AND failed_at IS NOT NULL`,
    )) as Array<{ count: number }>;
    this.refused = row?.count ?? 0;
    return this.refused;
  }

  private async setAside(row: UnsentRow, record: OutgoingRecord, reason: string): Promise<void> {
    const table = quotedTable(this.options.dataSource, OutboxMessage);
    await this.options.dataSource.query(`UPDATE ${table} SET failed_at = now(), failure_reason = $2 WHERE id = $1`, [
      row.id,
      reason.slice(0, 2000),
    ]);
    this.refused += 1;
    this.metrics.outboxRefused(row.topic);
    this.options.logger.error(
      `Outbox row ${row.id} (event ${row.event_id} on ${row.topic}, ${recordBytes(record)} bytes) refused by the broker and set aside; later events go on: ${reason}`,
    );
  }

  /** Rows waiting to be published (rows set aside as refused are not waiting). */
  async backlog(): Promise<number> {
    return this.options.dataSource.getRepository(OutboxMessage).count({ where: { publishedAt: IsNull(), failedAt: IsNull() } });
  }

  /** Deletes rows published before `before`; the outbox is a queue, not an archive. */
  async purgePublished(before: Date): Promise<number> {
    const result = await this.options.dataSource
      .createQueryBuilder()
      .delete()
      .from(OutboxMessage)
      .where('published_at IS NOT NULL AND published_at < :before', { before })
      .execute();
    return result.affected ?? 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        const batch = await this.drainBatch();
        if (batch.error !== undefined) throw batch.error;
        more = batch.more;
        if (this.failures > 0) {
          this.options.logger.log(`Outbox relay publishing again after ${this.failures} failed attempt(s)`);
        }
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.options.logger.warn(
            `Outbox relay cannot publish (attempt ${this.failures}); events wait in the outbox: ${(error as Error).message}`,
          );
        }
      }
      // A full batch (or one cut by size) means more may wait; a partial one emptied the outbox as of its query, and
      // anything committed since woke the relay (wokenWhileBusy), so no second look is needed.
      if (more && this.failures === 0) continue;
      const delay = this.failures > 0 ? backOffDelay(this.failures + 1, this.pollIntervalMs, this.maxBackoffMs) : this.pollIntervalMs;
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wokenWhileBusy && this.failures === 0) {
      this.wokenWhileBusy = false;
      return Promise.resolve();
    }
    this.wokenWhileBusy = false;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async acquireLease(): Promise<boolean> {
    // Renewing on every batch would cost a committed write per batch; the lease is renewed once half
    // of it has passed (by this process's clock, so clock skew with the database is covered by the other half).
    if (Date.now() < this.leaseRenewAt) return true;
    const quoted = quotedTable(this.options.dataSource, OutboxRelayLease);
    const rows: Array<{ holder: string }> = await this.options.dataSource.query(
      `INSERT INTO ${quoted} AS lease (name, holder, expires_at)
       VALUES ($1, $2, now() + ($3 || ' milliseconds')::interval)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < now()
       RETURNING holder`,
      [this.options.service, this.holder, String(this.leaseMs)],
    );
    const held = rows.length === 1 && rows[0]?.holder === this.holder;
    this.leaseRenewAt = held ? Date.now() + this.leaseMs / 2 : 0;
    this.holdsLease = held;
    return held;
  }

  private async releaseLease(): Promise<void> {
    this.leaseRenewAt = 0;
    this.holdsLease = false;
    try {
      await this.options.dataSource.getRepository(OutboxRelayLease).delete({ name: this.options.service, holder: this.holder });
    } catch {
      // The lease expires by itself.
    }
  }

  private toRecord(row: UnsentRow): OutgoingRecord {
    return {
      topic: this.naming.physical(row.topic),
      key: row.message_key,
      value: row.envelope,
      headers: { 'content-type': ENVELOPE_CONTENT_TYPE, ce_id: row.event_id, ce_type: row.topic, ...row.headers },
    };
  }
}

interface UnsentRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: string;
  headers: Record<string, string>;
}
