import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LicenceSubject } from '../licence-subject';

/**
 * pending → acknowledged; pending past its deadline → escalated (督办) → acknowledged. A notice
 * still open when its licence is revoked (撤销) is closed: there is no holder left to supervise.
 */
export const NOTICE_STATUSES = ['pending', 'escalated', 'acknowledged', 'closed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** 审管互动: a supervising department is told of a new licence holder and must acknowledge (认领). */
@Entity({ name: 'supervision_notice' })
@Index('ux_notice_licence_department', ['licenceId', 'departmentCode'], { unique: true })
@Index('ix_notice_department_status', ['departmentCode', 'status', 'acknowledgeBy'])
/** The 督办 watch's look-up across departments: the pending notices only, so it never reads the history. */
@Index('ix_notice_pending_acknowledge_by', ['acknowledgeBy'], { where: `status = 'pending'` })
export class SupervisionNotice extends LicenceSubject {
  @Column({ type: 'text' })
  status!: NoticeStatus;

  @Column({ name: 'acknowledge_by', type: 'timestamptz' })
  acknowledgeBy!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy!: string | null;

  /** When the department head was alerted because nobody acknowledged in time. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** Closed because the licence was revoked before anyone acknowledged it. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @Column({ name: 'licence_issued_at', type: 'timestamptz' })
  licenceIssuedAt!: Date;

  /** Where to find the holder (经营场所), from the application form: the supervisor's first visit. Null before forms. */
  @Column({ name: 'holder_address', type: 'text', nullable: true })
  holderAddress!: string | null;

  /** 许可范围 / 经营范围 of the licence: what the holder may do, so what to supervise. Null before forms. */
  @Column({ type: 'text', nullable: true })
  scope!: string | null;

  /** The service clock's time, so escalation tests can move it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Licences approval revoked, as announced: a notice for a licence already revoked is never opened
 * (the revocation may arrive before the issue, on another topic).
 */
@Entity({ name: 'revoked_licence' })
export class RevokedLicence {
  @PrimaryColumn({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz' })
  revokedAt!: Date;
}
