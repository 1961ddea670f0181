import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EventEnvelope } from '@onewindow/contracts';

/**
 * 电子监察's event log: every envelope the monitoring read model consumed, in the order it was
 * applied, for the retention's days (`MonitoringEventRetention`). The read model is rebuilt by
 * truncating it and re-applying this log, so a rebuild needs neither the broker's retention nor
 * the other services. Its unique event id is also the monitoring consumers' inbox.
 */
@Entity({ name: 'monitoring_event' })
@Index('ux_monitoring_event_id', ['eventId'], { unique: true })
@Index('ix_monitoring_event_recorded_at', ['recordedAt'])
export class MonitoringEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'jsonb' })
  envelope!: EventEnvelope;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** One application as the monitoring sees it: where and how it came in, and the visits it took. */
@Entity({ name: 'monitoring_application' })
export class MonitoringApplication {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'application_number', type: 'text', nullable: true })
  applicationNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ type: 'text', nullable: true })
  level!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  /** 最多跑一次: the applicant's visits in person, known once the results are issued. */
  @Column({ type: 'int', nullable: true })
  visits!: number | null;

  /** One-time notices (一次性告知) the window issued before acceptance: 窗口补正. */
  @Column({ name: 'window_notices', type: 'int', default: 0 })
  windowNotices!: number;
}

/** One department's part of an application (a case), from acceptance to decision. */
@Entity({ name: 'monitoring_case' })
@Index('ux_monitoring_case_case', ['caseId'], { unique: true })
@Index('ix_monitoring_case_department', ['departmentCode', 'status'])
export class MonitoringCase {
  @PrimaryColumn({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ name: 'item_code', type: 'text', nullable: true })
  itemCode!: string | null;

  @Column({ name: 'item_name', type: 'text', nullable: true })
  itemName!: string | null;

  @Column({ name: 'committed_working_days', type: 'int', nullable: true })
  committedWorkingDays!: number | null;

  @Column({ name: 'legal_working_days', type: 'int', nullable: true })
  legalWorkingDays!: number | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** The deadline when opened, and the final one once decided; while open, a later one is in `monitoring_case_clock`. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Decided on or before the deadline in force, which already leaves out suspensions (中止计时). */
  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime!: boolean | null;

  /** 自动调取: the part's form answers filled from shared data and kept, filled then changed, and typed; null before forms. */
  @Column({ name: 'form_fields_automatic', type: 'int', nullable: true })
  formFieldsAutomatic!: number | null;

  @Column({ name: 'form_fields_changed', type: 'int', nullable: true })
  formFieldsChanged!: number | null;

  @Column({ name: 'form_fields_typed', type: 'int', nullable: true })
  formFieldsTyped!: number | null;
  /** Materials accepted to follow (容缺) and pledged (告知承诺) at acceptance. */
  @Column({ type: 'int', default: 0 })
  deficiencies!: number;

  @Column({ type: 'int', default: 0 })
  pledges!: number;

  /** Times the department returned the case for supplement (退回补正). */
  @Column({ name: 'supplement_requests', type: 'int', default: 0 })
  supplementRequests!: number;
}

/**
 * An open case's traffic light and running deadline, keyed by the case: the colour and deadline
 * changes name only the case, and may arrive before the case itself is known here. The latest
 * change (by its time) wins.
 */
@Entity({ name: 'monitoring_case_clock' })
export class MonitoringCaseClock {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  colour!: string | null;

  @Column({ name: 'colour_changed_at', type: 'timestamptz', nullable: true })
  colourChangedAt!: Date | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'boolean', nullable: true })
  suspended!: boolean | null;

  @Column({ name: 'deadline_changed_at', type: 'timestamptz', nullable: true })
  deadlineChangedAt!: Date | null;
}

/** A rating (好差评); an unfavourable one names the rectification it opened. */
@Entity({ name: 'monitoring_rating' })
@Index('ux_monitoring_rating_rectification', ['rectificationId'], { unique: true })
export class MonitoringRating {
  @PrimaryColumn({ name: 'rating_id', type: 'uuid' })
  ratingId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ type: 'int' })
  rating!: number;

  @Column({ name: 'rated_at', type: 'timestamptz' })
  ratedAt!: Date;

  /** The applicant's follow-up after a rectification; not counted again in 满意率. */
  @Column({ name: 'follow_up', type: 'boolean' })
  followUp!: boolean;

  @Column({ name: 'rectification_id', type: 'uuid', nullable: true })
  rectificationId!: string | null;
}

/** 差评整改: a department's answer to an unfavourable rating (may arrive before the rating). */
@Entity({ name: 'monitoring_rectification' })
export class MonitoringRectification {
  @PrimaryColumn({ name: 'rectification_id', type: 'uuid' })
  rectificationId!: string;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt!: Date;
}

/** A licence issued, for the 审管互动 KPIs (how fast its notices went out). */
@Entity({ name: 'monitoring_licence' })
export class MonitoringLicence {
  @PrimaryColumn({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** Known once the issue arrives (a revocation may arrive first). */
  @Column({ name: 'item_code', type: 'text', nullable: true })
  itemCode!: string | null;

  /** The item's name: a supervising department's report names items it never approves. */
  @Column({ name: 'item_name', type: 'text', nullable: true })
  itemName!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/** A new-holder notice to a supervising department (审管互动). */
@Entity({ name: 'monitoring_notice' })
export class MonitoringNotice {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: true })
  createdAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_on_time', type: 'boolean', nullable: true })
  acknowledgedOnTime!: boolean | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}

/** The read model's tables, emptied before a rebuild (the event log is not among them). */
export const READ_MODEL_ENTITIES = [
  MonitoringApplication,
  MonitoringCase,
  MonitoringCaseClock,
  MonitoringRating,
  MonitoringRectification,
  MonitoringLicence,
  MonitoringNotice,
];
export const MONITORING_ENTITIES = [MonitoringEvent, ...READ_MODEL_ENTITIES];
