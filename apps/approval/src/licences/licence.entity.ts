import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActorV1, PartyV1 } from '@onewindow/contracts';

/** 电子证照: the licence an approval issues. */
@Entity({ name: 'licence' })
@Index('ux_licence_number', ['number'], { unique: true })
@Index('ix_licence_holder', ['departmentCode', 'status'])
export class Licence {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ type: 'jsonb' })
  holder!: PartyV1;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'text' })
  scope!: string;

  /** Where the holder does business (经营场所), from the application form; null before forms. */
  @Column({ name: 'holder_address', type: 'text', nullable: true })
  holderAddress!: string | null;

  @Column({ name: 'item_name', type: 'text', default: '' })
  itemName!: string;

  @Column({ name: 'department_name', type: 'text', default: '' })
  departmentName!: string;

  @Column({ type: 'text', default: 'valid' })
  status!: 'valid' | 'revoked';

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ name: 'revoked_by', type: 'jsonb', nullable: true })
  revokedBy!: ActorV1 | null;

  /** The supervision request a revocation answered; a repeated request has no second effect. */
  @Column({ name: 'revocation_request_id', type: 'uuid', nullable: true })
  revocationRequestId!: string | null;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}

/** The last number handed out in each series (the licence scheme rendered without its sequence). */
@Entity({ name: 'licence_series' })
export class LicenceSeries {
  @PrimaryColumn({ type: 'text' })
  series!: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
