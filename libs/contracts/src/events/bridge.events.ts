import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
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

/** What every record a department system sends about an application part carries. */
export class DepartmentPartRecordV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  /** The department system, as the actor. */
  @ValidateNested()
  @Type(() => ActorV1)
  system!: ActorV1;

  /** The department's own case number (部门办件编号), when its system gave one. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  departmentCaseNumber?: string;
}

/**
 * `bridge.department-result.received.v1`: a department's own system decided an application part
 * (审批结果回传). Approval decides the case exactly as an approver would, with the system as actor.
 */
export class DepartmentResultReceivedV1 extends DepartmentPartRecordV1 {
  /** The department system's own id for the result: duplicates of it have no second effect. */
  @IsString()
  @Length(1, 100)
  resultId!: string;

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

  /** The department's own decision time (办结时间), kept on the case as the decision time. */
  @IsISO8601({ strict: true })
  decidedAt!: string;

  /** When the bridge received the result; absent from results published before it was added. */
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

/** A material a department system asks for, in the platform's material codes (mapped from its own). */
export class DepartmentRequestedMaterialV1 {
  @IsString()
  @Length(1, 40)
  materialCode!: string;

  @IsString()
  @Length(1, 200)
  materialName!: string;

  /** What is wrong or missing, as the applicant will read it. */
  @IsString()
  @Length(1, 500)
  problem!: string;
}

/**
 * `bridge.department-supplement-request.received.v1`: a department's own system returned a part for
 * supplement (退回补正). Approval suspends the case exactly as for an approver's request, with the
 * system as actor; intake then issues the one-time notice (一次性告知).
 */
export class DepartmentSupplementRequestReceivedV1 extends DepartmentPartRecordV1 {
  /** The department system's own id for the request: duplicates of it have no second effect. */
  @IsString()
  @Length(1, 100)
  requestId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DepartmentRequestedMaterialV1)
  materials!: DepartmentRequestedMaterialV1[];

  /** Why, as the applicant will read it. */
  @IsString()
  @Length(1, 1000)
  reason!: string;

  /** The department's own time of the request. */
  @IsISO8601({ strict: true })
  requestedAt!: string;

  /** When the bridge received it. */
  @IsISO8601({ strict: true })
  receivedAt!: string;
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
