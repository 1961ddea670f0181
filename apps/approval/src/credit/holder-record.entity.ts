import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SupervisionRecordKind } from '@onewindow/contracts';

/**
 * The credit gate's read model: supervision records about holders (行政处罚, 失信, 红名单,
 * inspections), kept from supervision's events only.
 */
@Entity({ name: 'holder_record' })
@Index('ix_holder_record_identifier', ['holderIdentifier', 'kind'])
export class HolderRecord {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ name: 'holder_identifier', type: 'text' })
  holderIdentifier!: string;

  @Column({ name: 'holder_name', type: 'text' })
  holderName!: string;

  @Column({ type: 'text' })
  kind!: SupervisionRecordKind;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'boolean', default: false })
  withdrawn!: boolean;

  /** The publication time of the version kept: an older event never overwrites a newer one. */
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
