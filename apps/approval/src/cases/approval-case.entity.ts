import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ActorV1, DepartmentRefV1, PartyV1, PledgeV1 } from '@onewindow/contracts';

export const CASE_STATUSES = ['open', 'approved', 'refused'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One application part in one department's queue (部门审批件). */
@Entity({ name: 'approval_case' })
@Index('ix_approval_case_department_status', ['departmentCode', 'status', 'deadline'])
@Index('ux_approval_case_part', ['partId'], { unique: true })
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

  /** Promised deadline (承诺时限) as accepted at the window. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ name: 'supervising_departments', type: 'jsonb' })
  supervisingDepartments!: DepartmentRefV1[];

  @Column({ type: 'jsonb' })
  pledges!: PledgeV1[];

  /** 乡呼县应: the town or village window that took the application in and handed it up. */
  @Column({ name: 'handed_up_from', type: 'text', nullable: true })
  handedUpFrom!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'jsonb', nullable: true })
  decidedBy!: ActorV1 | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ name: 'licence_id', type: 'uuid', nullable: true })
  licenceId!: string | null;

  @VersionColumn()
  revision!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
