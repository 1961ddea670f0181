import { Column, Entity, Index } from 'typeorm';
import { LicenceSubject } from '../licence-subject';

/** pending → acknowledged; pending past its deadline → escalated (督办) → acknowledged. */
export const NOTICE_STATUSES = ['pending', 'escalated', 'acknowledged'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** 审管互动: a supervising department is told of a new licence holder and must acknowledge (认领). */
@Entity({ name: 'supervision_notice' })
@Index('ux_notice_licence_department', ['licenceId', 'departmentCode'], { unique: true })
@Index('ix_notice_department_status', ['departmentCode', 'status', 'acknowledgeBy'])
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
