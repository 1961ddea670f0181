import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NoticeLine } from '../catalogue/materials-check';

/**
 * 一次性告知书: every missing or faulty material, told once. An application may get several over
 * supplement rounds; each is kept as printed.
 */
@Entity({ name: 'application_notice' })
@Index('ix_application_notice_application', ['applicationId', 'issuedAt'])
export class ApplicationNotice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** Readable notice number, `GZ` + the application number + round. */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'jsonb' })
  lines!: NoticeLine[];

  @Column({ name: 'issued_by', type: 'text' })
  issuedBy!: string;

  @Column({ name: 'issued_by_name', type: 'text' })
  issuedByName!: string;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** When a supplement completed the file. */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The department withdrew its request (撤回补正要求): nothing is owed any more. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;
}
