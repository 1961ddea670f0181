import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_OUTCOMES, type CaseOutcome } from './approval.events';
import { ActorV1, DepartmentRefV1, LOCAL_DATE } from './shared';
import { SupervisionRecordPublishedV1 } from './supervision.events';

export class DepartmentLicenceV1 {
  /** The number the department's own system gave, kept as the licence number. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  number?: string;

  @IsOptional()
  @Matches(LOCAL_DATE)
  validUntil?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}

/**
 * `bridge.department-result.received.v1`: a department's own system decided an application part
 * (审批结果回传). Approval decides the case exactly as an approver would, with the system as actor.
 */
export class DepartmentResultReceivedV1 {
  /** The department system's own id for the result: duplicates of it have no second effect. */
  @IsString()
  @Length(1, 100)
  resultId!: string;

  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  /** The department system, as the actor of the decision. */
  @ValidateNested()
  @Type(() => ActorV1)
  system!: ActorV1;

  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  legalBasis?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => DepartmentLicenceV1)
  licence?: DepartmentLicenceV1;

  @IsISO8601({ strict: true })
  decidedAt!: string;
}

/**
 * `bridge.supervision-record.received.v1`: a department's own system published a supervision
 * record (行政处罚, 失信/红名单, 检查结果) through the bridge, mapped to the platform's terms. The
 * payload mirrors `supervision.record.published.v1`; supervision decides whether to republish it.
 * `recordId` is derived from the department's own record id, so a redelivery has the same id.
 */
export class SupervisionRecordReceivedV1 extends SupervisionRecordPublishedV1 {
  /** The department system's own id for the record. */
  @IsString()
  @Length(1, 100)
  sourceRecordId!: string;
}
