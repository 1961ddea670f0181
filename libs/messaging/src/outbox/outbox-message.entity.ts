import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One event waiting to be published, written in the same transaction as the change it announces. */
@Entity({ name: 'outbox_message' })
@Unique('uq_outbox_message_event_id', ['eventId'])
@Index('ix_outbox_message_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** Publication order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_outbox_message' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** Logical topic name (the deployment prefix is added when publishing). */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ type: 'jsonb' })
  envelope!: object;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** When the broker refused the row for what it is (e.g. too large): set aside, never sent again by itself. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  /** The broker's reason, e.g. `MESSAGE_TOO_LARGE: …`. */
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;
}

/** Which relay instance may publish: one per service at a time, so per-key order holds when scaled out. */
@Entity({ name: 'outbox_relay_lease' })
export class OutboxRelayLease {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_outbox_relay_lease' })
  name!: string;

  @Column({ type: 'text' })
  holder!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
