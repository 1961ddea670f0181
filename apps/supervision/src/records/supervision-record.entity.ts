import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActorV1, PartyV1, SupervisionRecordKind } from '@onewindow/contracts';

export const RECORD_SOURCES = ['supervisor', 'department-system', 'pledge-verification'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** 行政处罚, 失信 (blacklist), 红名单 (redlist) or an inspection result about a holder; published to approval's credit gate. */
@Entity({ name: 'supervision_record' })
@Index('ix_record_holder', ['holderIdentifier', 'decidedOn'])
export class SupervisionRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: SupervisionRecordKind;

  @Column({ name: 'holder_identifier', type: 'text' })
  holderIdentifier!: string;

  @Column({ type: 'jsonb' })
  holder!: PartyV1;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'boolean' })
  withdrawn!: boolean;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ type: 'text' })
  source!: RecordSource;

  @Column({ name: 'published_by', type: 'jsonb' })
  publishedBy!: ActorV1;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
