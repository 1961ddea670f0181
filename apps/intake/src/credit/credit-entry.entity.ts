import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SupervisionRecordKind } from '@onewindow/contracts';

/**
 * The window's copy of the credit status (失信 entries) of applicants, kept from supervision's
 * record events only: the window never reads another service's tables, and never waits on a call.
 */
@Entity({ name: 'credit_entry' })
@Index('ix_credit_entry_holder', ['holderIdentifier'])
export class CreditEntry {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ name: 'holder_identifier', type: 'text' })
  holderIdentifier!: string;

  @Column({ type: 'text' })
  kind!: SupervisionRecordKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'boolean' })
  withdrawn!: boolean;

  /** The version kept: an older event never overwrites a newer one. */
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
