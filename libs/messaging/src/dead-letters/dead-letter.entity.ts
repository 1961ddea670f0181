import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DEAD_LETTER_STATUSES = ['open', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/**
 * A message a consumer could not handle, kept verbatim (as bytes: any byte sequence, NUL included)
 * with its origin so it can be replayed, and a readable excerpt for people.
 */
@Entity({ name: 'dead_letter' })
@Index('ix_dead_letter_status_created', ['status', 'createdAt'])
export class DeadLetter {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_dead_letter' })
  id!: string;

  @Column({ type: 'text' })
  consumer!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'original_topic', type: 'text' })
  originalTopic!: string;

  @Column({ name: 'original_partition', type: 'int' })
  originalPartition!: number;

  @Column({ name: 'original_offset', type: 'text' })
  originalOffset!: string;

  @Column({ name: 'original_key', type: 'text', nullable: true })
  originalKey!: string | null;

  /** The value exactly as it arrived. */
  @Column({ name: 'original_value', type: 'bytea' })
  originalValue!: Buffer;

  /** Its size in bytes. */
  @Column({ name: 'original_size', type: 'int' })
  originalSize!: number;

  /** SHA-256 of the bytes, lower-case hex. */
  @Column({ name: 'original_sha256', type: 'text' })
  originalSha256!: string;

  /** The start of the value read as UTF-8, NUL and other control characters escaped (`\x00`). */
  @Column({ name: 'original_excerpt', type: 'text' })
  originalExcerpt!: string;

  @Column({ name: 'original_headers', type: 'jsonb' })
  originalHeaders!: Record<string, string>;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'text', default: 'open' })
  status!: DeadLetterStatus;

  @Column({ name: 'replay_count', type: 'int', default: 0 })
  replayCount!: number;

  /** Who discarded it (the account's id and name), when and why; null while it is not discarded. */
  @Column({ name: 'discarded_by', type: 'text', nullable: true })
  discardedBy!: string | null;

  @Column({ name: 'discarded_at', type: 'timestamptz', nullable: true })
  discardedAt!: Date | null;

  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  discardReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
