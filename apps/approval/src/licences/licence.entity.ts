import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartyV1 } from '@onewindow/contracts';

/** 电子证照: the licence an approval issues. */
@Entity({ name: 'licence' })
@Index('ux_licence_number', ['number'], { unique: true })
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

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}

/** The last licence number handed out per department and year. */
@Entity({ name: 'licence_number_sequence' })
export class LicenceNumberSequence {
  @PrimaryColumn({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
