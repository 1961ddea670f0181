import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView, serializeDates } from '@onewindow/platform';
import type { Approver } from './approver.entity';
import { STEP_RECORD_KINDS, type CaseStepRecord, type StepRecordKind } from './case-step-record.entity';
import type { ItemWorkflow } from './item-workflow.entity';
import { CASE_STEPS, CONFIGURABLE_STEPS, type CaseStep, type ConfigurableStep } from './workflow-definition';

/** Who works on a step: one named person, or anyone of the department's approvers. */
export class StepAssigneeView {
  @ApiProperty({ enum: ['person', 'pool'] })
  kind!: 'person' | 'pool';

  @ApiPropertyOptional({ description: 'For a person' })
  id?: string;

  @ApiPropertyOptional({ description: 'For a person' })
  name?: string;
}

export class WorkflowStepView {
  @ApiProperty({ enum: CONFIGURABLE_STEPS, description: '审查 examine / 审核 verify / 批准 approve' })
  step!: ConfigurableStep;

  @ApiProperty({ type: StepAssigneeView })
  assignee!: StepAssigneeView;
}

/** An item's configured workflow. */
export class ItemWorkflowView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty({ type: [WorkflowStepView] })
  steps!: WorkflowStepView[];

  @ApiProperty({ type: String, nullable: true, description: '证照编号规则; the service default when null' })
  licenceNumberTemplate!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Years a licence is valid; open-ended when null' })
  licenceValidityYears!: number | null;

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class DefaultStepsView {
  @ApiProperty({ type: [WorkflowStepView], description: '即办件' })
  immediate!: WorkflowStepView[];

  @ApiProperty({ type: [WorkflowStepView], description: '承诺件' })
  committed!: WorkflowStepView[];

  @ApiProperty({ type: [WorkflowStepView], description: '上报件' })
  escalated!: WorkflowStepView[];
}

/** An item not configured: the default steps for each handling type. */
export class DefaultWorkflowView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty({ enum: [false] })
  configured!: false;

  @ApiProperty({ type: DefaultStepsView })
  steps!: DefaultStepsView;
}

/** An approver of a department and their stand-in (AB岗). */
export class ApproverView {
  @ApiProperty({ description: 'The account id (identity service)', example: 'wangshenpi' })
  id!: string;

  @ApiProperty({ example: '王审批' })
  name!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty({ type: String, nullable: true, description: 'B角' })
  standInId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  standInName!: string | null;

  @ApiProperty()
  away!: boolean;

  @ApiProperty({ type: String, nullable: true })
  awayReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class AwayResultView {
  @ApiProperty({ type: ApproverView })
  approver!: ApproverView;

  @ApiProperty({ description: 'Open cases moved to the stand-in (or the pool)' })
  moved!: number;
}

/** One entry of a case's history (办理过程). */
export class CaseStepRecordView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: CASE_STEPS })
  step!: CaseStep;

  @ApiProperty({ enum: STEP_RECORD_KINDS })
  kind!: StepRecordKind;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;

  @ApiProperty({ type: String, nullable: true, description: 'For an assignment: who has it now (null: the pool)' })
  assigneeId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  assigneeName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The opinion (审查意见) or the reason for a reassignment' })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Order within one time' })
  sequence!: string;
}

export function toItemWorkflowView(workflow: ItemWorkflow): ItemWorkflowView {
  return serializeDates(workflow);
}

export function toApproverView(approver: Approver): ApproverView {
  return serializeDates(approver);
}

export function toCaseStepRecordView(record: CaseStepRecord): CaseStepRecordView {
  return serializeDates(record);
}
