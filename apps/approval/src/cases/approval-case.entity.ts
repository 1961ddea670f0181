import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ActorV1, DeficiencyV1, DepartmentRefV1, HandlingType, PartyV1, PledgeV1 } from '@onewindow/contracts';
import type { DeadlineColour, SpecialProcedure } from '../deadlines/deadline-ledger';
import type { CaseStep } from '../workflow/workflow-definition';

export const CASE_STATUSES = ['open', 'approved', 'refused'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One application part in one department's queue (部门审批件). */
@Entity({ name: 'approval_case' })
@Index('ix_approval_case_department_status', ['departmentCode', 'status', 'deadline'])
@Index('ix_approval_case_application', ['applicationId'])
@Index('ux_approval_case_part', ['partId'], { unique: true })
@Index('ix_approval_case_open_colour_check', ['colourCheckedOn'], { where: "status = 'open'" })
export class ApprovalCase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @Column({ name: 'application_number', type: 'text' })
  applicationNumber!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'jsonb' })
  applicant!: PartyV1;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ name: 'handling_type', type: 'text', default: 'committed' })
  handlingType!: HandlingType;

  /** The day the window accepted the part; the clock starts the day after. */
  @Column({ name: 'accepted_on', type: 'date' })
  acceptedOn!: string;

  /** 承诺时限 in working days, as the catalogue said when the part was accepted. */
  @Column({ name: 'promised_working_days', type: 'int' })
  promisedWorkingDays!: number;

  /** The deadline, computed from the ledger of suspensions and extensions; never edited by hand. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'text', default: 'green' })
  colour!: DeadlineColour;

  /**
   * The day (China) the traffic-light watch last looked at this case. A colour changes only from
   * one day to the next, or by an action that announces it at once, so the watch looks at each
   * open case once a day instead of on every pass.
   */
  @Column({ name: 'colour_checked_on', type: 'date', nullable: true })
  colourCheckedOn!: string | null;

  /** A special procedure is running: the clock stands still. */
  @Column({ name: 'suspended_for', type: 'text', nullable: true })
  suspendedFor!: SpecialProcedure | null;

  @Column({ name: 'suspended_working_days', type: 'int', default: 0 })
  suspendedWorkingDays!: number;

  @Column({ name: 'extended_working_days', type: 'int', default: 0 })
  extendedWorkingDays!: number;

  /** 绿色通道: a key project, sorted first, with a shorter target. */
  @Column({ name: 'green_channel', type: 'boolean', default: false })
  greenChannel!: boolean;

  @Column({ name: 'green_channel_reason', type: 'text', nullable: true })
  greenChannelReason!: string | null;

  /** Working days the green channel aims at, shorter than the promise. */
  @Column({ name: 'target_working_days', type: 'int', nullable: true })
  targetWorkingDays!: number | null;

  @Column({ name: 'current_step', type: 'text', default: 'approve' })
  currentStep!: CaseStep;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  /** 一件事: the bundle this part belongs to and its lead department (牵头部门). */
  @Column({ name: 'bundle_code', type: 'text', nullable: true })
  bundleCode!: string | null;

  @Column({ name: 'bundle_name', type: 'text', nullable: true })
  bundleName!: string | null;

  @Column({ name: 'lead_department_code', type: 'text', nullable: true })
  leadDepartmentCode!: string | null;

  /** 容缺: materials accepted as missing at the window. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  deficiencies!: DeficiencyV1[];

  @Column({ name: 'supervising_departments', type: 'jsonb' })
  supervisingDepartments!: DepartmentRefV1[];

  @Column({ type: 'jsonb' })
  pledges!: PledgeV1[];

  /** 乡呼县应: the town or village window that took the application in and handed it up. */
  @Column({ name: 'handed_up_from', type: 'text', nullable: true })
  handedUpFrom!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** The decision time: the approver's, or the department system's own (办结时间) for a result it sent. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** For a case a department system decided: when the platform received its result, beside its own decision time. */
  @Column({ name: 'decision_received_at', type: 'timestamptz', nullable: true })
  decisionReceivedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'jsonb', nullable: true })
  decidedBy!: ActorV1 | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'licence_id', type: 'uuid', nullable: true })
  licenceId!: string | null;

  /** 文书字号 of the decision document (准予/不予行政许可决定书), numbered per department, kind and year. */
  @Column({ name: 'decision_number', type: 'text', nullable: true })
  decisionNumber!: string | null;

  /** Approving a blacklisted applicant: who overrode the credit gate, and why. */
  @Column({ name: 'credit_override', type: 'jsonb', nullable: true })
  creditOverride!: { reason: string; by: ActorV1 } | null;

  /** The department system's own id of the result that decided the case, if a system did. */
  @Column({ name: 'department_result_id', type: 'text', nullable: true })
  departmentResultId!: string | null;

  @VersionColumn()
  revision!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
