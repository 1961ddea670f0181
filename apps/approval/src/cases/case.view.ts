import { ApiProperty } from '@nestjs/swagger';
import { HANDLING_TYPES, type HandlingType } from '@onewindow/contracts';
import { ActorView, DepartmentRefView, PartFormView, PartMaterialView, PartyView, serializeDates } from '@onewindow/platform';
import { DEADLINE_COLOURS, SPECIAL_PROCEDURES, type DeadlineColour, type SpecialProcedure } from '../deadlines/deadline-ledger';
import { CASE_STEPS, type CaseStep } from '../workflow/workflow-definition';
import { CASE_STATUSES, type ApprovalCase, type CaseStatus } from './approval-case.entity';

export class CaseDeficiencyView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;
}

export class CasePledgeView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;
}

export class CreditOverrideView {
  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: ActorView })
  by!: ActorView;
}

/** The item a case or licence is about, and the department that handles it. */
export class DepartmentItemView {
  @ApiProperty({ example: 'DCF-SCJG-XK-001' })
  itemCode!: string;

  @ApiProperty({ example: '食品经营许可' })
  itemName!: string;

  @ApiProperty({ example: 'DCF-SCJGJ' })
  departmentCode!: string;

  @ApiProperty({ example: '东昌府区市场监督管理局' })
  departmentName!: string;
}

/** A department's case (审批件) as stored: what an action on it answers. */
export class CaseRecordView extends DepartmentItemView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ format: 'uuid' })
  partId!: string;

  @ApiProperty({ example: 'YC20260305000123' })
  applicationNumber!: string;

  @ApiProperty({ type: PartyView })
  applicant!: PartyView;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ enum: HANDLING_TYPES })
  handlingType!: HandlingType;

  @ApiProperty({ format: 'date', description: 'The day the window accepted the part; the clock starts the day after' })
  acceptedOn!: string;

  @ApiProperty({ description: '承诺时限（工作日）' })
  promisedWorkingDays!: number;

  @ApiProperty({ format: 'date', description: 'Computed from the ledger of suspensions and extensions' })
  deadline!: string;

  @ApiProperty({ enum: DEADLINE_COLOURS, description: '红黄绿灯' })
  colour!: DeadlineColour;

  @ApiProperty({ enum: SPECIAL_PROCEDURES, nullable: true, description: 'A special procedure is running: the clock stands still' })
  suspendedFor!: SpecialProcedure | null;

  @ApiProperty()
  suspendedWorkingDays!: number;

  @ApiProperty()
  extendedWorkingDays!: number;

  @ApiProperty({ description: '绿色通道' })
  greenChannel!: boolean;

  @ApiProperty({ type: String, nullable: true })
  greenChannelReason!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The green channel’s shorter target in working days' })
  targetWorkingDays!: number | null;

  @ApiProperty({ enum: CASE_STEPS, description: '受理 → 审查 → 审核 → 批准 → 办结' })
  currentStep!: CaseStep;

  @ApiProperty({ type: String, nullable: true, description: 'Who holds the step; null: the department pool' })
  assigneeId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  assigneeName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  bundleCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  bundleName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '牵头部门' })
  leadDepartmentCode!: string | null;

  @ApiProperty({ type: [CaseDeficiencyView], description: '容缺' })
  deficiencies!: CaseDeficiencyView[];

  @ApiProperty({ type: [DepartmentRefView] })
  supervisingDepartments!: DepartmentRefView[];

  @ApiProperty({ type: [CasePledgeView], description: '告知承诺' })
  pledges!: CasePledgeView[];

  @ApiProperty({ type: String, nullable: true, description: '乡呼县应: the level that handed it up' })
  handedUpFrom!: string | null;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ type: ActorView, nullable: true })
  decidedBy!: ActorView | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was refused' })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  legalBasis!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  licenceId!: string | null;

  @ApiProperty({
    type: CreditOverrideView,
    nullable: true,
    description: 'Approving a blacklisted applicant: who overrode the credit gate, and why',
  })
  creditOverride!: CreditOverrideView | null;

  @ApiProperty({ type: String, nullable: true, description: 'The department system’s id of the result that decided it' })
  departmentResultId!: string | null;

  @ApiProperty({ description: 'Changes with every write: what a step action may say it saw' })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A case as the queue and the case page show it: with the working days left to its deadline. */
export class CaseView extends CaseRecordView {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '剩余工作日: working days left to the deadline, negative once overdue; null when decided',
  })
  workingDaysLeft!: number | null;
}

/** The case page: the case with its application form and materials. */
export class CaseDossierView extends CaseView {
  @ApiProperty({ type: PartFormView, nullable: true, description: 'Null for a case opened before forms, or for an item without a form' })
  form!: PartFormView | null;

  @ApiProperty({ type: [PartMaterialView] })
  materials!: PartMaterialView[];
}

export class CasePartView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ type: DepartmentRefView })
  department!: DepartmentRefView;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ enum: CASE_STEPS })
  currentStep!: CaseStep;

  @ApiProperty({ format: 'date' })
  deadline!: string;

  @ApiProperty({ enum: DEADLINE_COLOURS })
  colour!: DeadlineColour;

  @ApiProperty({ enum: SPECIAL_PROCEDURES, nullable: true })
  suspendedFor!: SpecialProcedure | null;
}

export class CaseBundleView {
  @ApiProperty()
  code!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  leadDepartmentCode!: string | null;
}

/** 并联审批 at a glance: every part of one application the caller may see. */
export class ApplicationCasesView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  applicationNumber!: string;

  @ApiProperty({ type: CaseBundleView, nullable: true })
  bundle!: CaseBundleView | null;

  @ApiProperty()
  totalParts!: number;

  @ApiProperty()
  decidedParts!: number;

  @ApiProperty({ description: 'The application’s decision has been announced (every part decided)' })
  announced!: boolean;

  @ApiProperty({ type: [CasePartView] })
  parts!: CasePartView[];
}

/** The one mapping of the case aggregate: the stored case as it is. */
export function toCaseRecordView(approvalCase: ApprovalCase): CaseRecordView {
  return serializeDates(approvalCase);
}

/** …with the working days left, for the queue and the case page. */
export function toCaseView(approvalCase: ApprovalCase, workingDaysLeft: number | null): CaseView {
  return { ...toCaseRecordView(approvalCase), workingDaysLeft };
}
