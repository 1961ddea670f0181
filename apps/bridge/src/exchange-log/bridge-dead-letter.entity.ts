import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const BRIDGE_DEAD_LETTER_STATUSES = ['open', 'replayed', 'resolved', 'discarded'] as const;
export type BridgeDeadLetterStatus = (typeof BRIDGE_DEAD_LETTER_STATUSES)[number];

/**
 * 死信: a delivery or a department record the bridge could not carry, with the field at fault
 * (`field` in the department's record, `rule` in the mapping spec) so the integrator knows what to fix.
 * Nothing was published for it; a replay after the fix carries it again.
 */
@Entity({ name: 'bridge_dead_letter' })
@Index('ix_bridge_dead_letter_adapter', ['adapterId', 'status', 'createdAt'])
export class BridgeDeadLetter {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'adapter_id', type: 'text' })
  adapterId!: string;

  @Column({ type: 'text' })
  direction!: 'outbound' | 'inbound';

  /** delivery, result, supervision-record. */
  @Column({ type: 'text' })
  kind!: string;

  /** The delivery id, file name or row; for inbound records, where to find the original. */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'application_number', type: 'text', nullable: true })
  applicationNumber!: string | null;

  /** Machine code of the first problem: code_unmapped, invalid_date, missing_required, wrong_encoding, contract_violation… */
  @Column({ type: 'text' })
  code!: string;

  /** Path of the failing field in the record as the department system sees it (or the platform's, outbound). */
  @Column({ type: 'text', nullable: true })
  field!: string | null;

  /** The failing rule of the mapping spec, e.g. `fields[3].codeTable`. */
  @Column({ type: 'text', nullable: true })
  rule!: string | null;

  /** Every problem, Chinese, for the integration engineer. */
  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb' })
  problems!: Array<{ field?: string; target?: string; rule?: string; code: string; message: string }>;

  /** The record as received (inbound) or the delivery payload (outbound): replay maps it again. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'text' })
  status!: BridgeDeadLetterStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;

  /** Who discarded it (name and account id), when and why; null unless discarded. */
  @Column({ name: 'discarded_by', type: 'text', nullable: true })
  discardedBy!: string | null;

  @Column({ name: 'discarded_at', type: 'timestamptz', nullable: true })
  discardedAt!: Date | null;

  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  discardReason!: string | null;
}
