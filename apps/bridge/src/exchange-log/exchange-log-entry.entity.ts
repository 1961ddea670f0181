import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const EXCHANGE_DIRECTIONS = ['outbound', 'inbound', 'lookup'] as const;
export type ExchangeDirection = (typeof EXCHANGE_DIRECTIONS)[number];

export const EXCHANGE_STATUSES = [
  'sent',
  'acknowledged',
  'retrying',
  'failed',
  'published',
  'recorded',
  'duplicate',
  'dead-lettered',
  'refused',
  'found',
  'not-found',
  'discarded',
] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/**
 * 交换日志: one row per exchange with a department system or data source, append-only and
 * hash-chained: each row's hash covers the previous row's hash and its own content, so a row
 * changed or removed afterwards shows at the verify endpoint.
 */
@Entity({ name: 'exchange_log' })
@Index('ix_exchange_adapter_at', ['adapterId', 'at'])
@Index('ix_exchange_application', ['applicationNumber'])
export class ExchangeLogEntry {
  /** Position in the chain, from 1. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  direction!: ExchangeDirection;

  @Column({ name: 'adapter_id', type: 'text' })
  adapterId!: string;

  /** delivery, result, supervision-record, lookup. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'application_number', type: 'text', nullable: true })
  applicationNumber!: string | null;

  /** Delivery id, file name, row, the department's result id. */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  /** SHA-256 of the payload as exchanged (the bytes are not kept: personal data). */
  @Column({ name: 'payload_hash', type: 'text' })
  payloadHash!: string;

  @Column({ type: 'text' })
  status!: ExchangeStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs!: number;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'previous_hash', type: 'text' })
  previousHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
