import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PledgeV1 } from './intake.events';
import { ActorV1, DepartmentRefV1, LOCAL_DATE, PartyV1 } from './shared';

/** `approval.case.opened.v1`: a department's queue took an application part. */
export class CaseOpenedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsUUID()
  caseId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @Matches(LOCAL_DATE)
  deadline!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;
}

export const CASE_OUTCOMES = ['approved', 'refused'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export class LicenceRefV1 {
  @IsUUID()
  licenceId!: string;

  @IsString()
  @Length(1, 64)
  licenceNumber!: string;
}

/** `approval.case.decided.v1`: one department decided its part. Only a department may refuse (窗口无权否决). */
export class CaseDecidedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsUUID()
  caseId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  /** Mandatory for a refusal: the legal reason. */
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
  @Type(() => LicenceRefV1)
  licence?: LicenceRefV1;

  @ValidateNested()
  @Type(() => ActorV1)
  decidedBy!: ActorV1;

  @IsISO8601({ strict: true })
  decidedAt!: string;

  /** The deadline the decision was due by, after suspensions and extensions (按时办结率). */
  @IsOptional()
  @Matches(LOCAL_DATE)
  deadline?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  suspendedWorkingDays?: number;
}

export const APPLICATION_OUTCOMES = ['approved', 'refused', 'partially-approved'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export class PartOutcomeV1 {
  @IsUUID()
  partId!: string;

  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;
}

/** `approval.application.decided.v1`: every part is decided; announced once per application. */
export class ApplicationDecidedV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(APPLICATION_OUTCOMES)
  outcome!: ApplicationOutcome;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PartOutcomeV1)
  parts!: PartOutcomeV1[];

  @IsISO8601({ strict: true })
  decidedAt!: string;
}

/** `approval.licence.issued.v1`: 电子证照 issued; supervision is told at once (审管互动). */
export class LicenceIssuedV1 {
  @IsUUID()
  licenceId!: string;

  @IsString()
  @Length(1, 64)
  licenceNumber!: string;

  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsString()
  @Length(1, 64)
  itemCode!: string;

  @IsString()
  @Length(1, 200)
  itemName!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  issuingDepartment!: DepartmentRefV1;

  @ValidateNested()
  @Type(() => PartyV1)
  holder!: PartyV1;

  @Matches(LOCAL_DATE)
  validFrom!: string;

  @IsOptional()
  @Matches(LOCAL_DATE)
  validUntil?: string;

  @IsString()
  @MaxLength(1000)
  scope!: string;

  /** The holder's business address (经营场所, or 住所) from the application form, for the supervisors' visit. Absent from earlier events. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  holderAddress?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DepartmentRefV1)
  supervisingDepartments!: DepartmentRefV1[];

  /** Materials the holder pledged instead of proving (告知承诺): supervision verifies them. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PledgeV1)
  pledges!: PledgeV1[];

  @IsISO8601({ strict: true })
  issuedAt!: string;
}

export class RequestedMaterialV1 {
  @IsString()
  @Length(1, 64)
  itemCode!: string;

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

/** `approval.case.supplement-requested.v1`: the department returns a case for supplement (补正); its clock stops. */
export class CaseSupplementRequestedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  partId!: string;

  @IsUUID()
  caseId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequestedMaterialV1)
  materials!: RequestedMaterialV1[];

  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ValidateNested()
  @Type(() => ActorV1)
  requestedBy!: ActorV1;

  @IsISO8601({ strict: true })
  requestedAt!: string;
}

export const CLOCK_CHANGES = ['suspended', 'resumed', 'extended', 'green-channel'] as const;
export type ClockChange = (typeof CLOCK_CHANGES)[number];

/**
 * `approval.case.deadline-changed.v1`: the deadline moved, always because of the ledger: a special
 * procedure started or ended (中止/恢复计时), an extension was approved (延期), or the case joined
 * the green channel (绿色通道).
 */
export class CaseDeadlineChangedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  caseId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsIn(CLOCK_CHANGES)
  change!: ClockChange;

  /** The special procedure, for a suspension or resumption: hearing, site-inspection, testing, expert-review, supplement. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  procedure?: string;

  /** The reason the applicant is told. */
  @IsString()
  @Length(1, 1000)
  reason!: string;

  @Matches(LOCAL_DATE)
  deadline!: string;

  @IsBoolean()
  suspended!: boolean;

  @IsInt()
  @Min(0)
  suspendedWorkingDays!: number;

  @IsInt()
  @Min(0)
  extendedWorkingDays!: number;

  @IsISO8601({ strict: true })
  changedAt!: string;
}

export const DEADLINE_COLOURS = ['green', 'yellow', 'red'] as const;
export type DeadlineColourV1 = (typeof DEADLINE_COLOURS)[number];

/** `approval.case.colour-changed.v1`: 红绿灯 — an open case turned yellow or red (or back to green). */
export class CaseColourChangedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  caseId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsString()
  @Length(1, 64)
  itemCode!: string;

  @IsIn(DEADLINE_COLOURS)
  colour!: DeadlineColourV1;

  @IsIn(DEADLINE_COLOURS)
  previousColour!: DeadlineColourV1;

  @Matches(LOCAL_DATE)
  deadline!: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  assigneeId?: string;

  @IsISO8601({ strict: true })
  changedAt!: string;
}

/** `approval.licence.revoked.v1`: 撤销许可 — a licence no longer holds. */
export class LicenceRevokedV1 {
  @IsUUID()
  licenceId!: string;

  @IsString()
  @Length(1, 64)
  licenceNumber!: string;

  @IsUUID()
  applicationId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  issuingDepartment!: DepartmentRefV1;

  @ValidateNested()
  @Type(() => PartyV1)
  holder!: PartyV1;

  @IsString()
  @Length(1, 1000)
  reason!: string;

  /** The revoke request it answers, when supervision asked for it. */
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ValidateNested()
  @Type(() => ActorV1)
  revokedBy!: ActorV1;

  @IsISO8601({ strict: true })
  revokedAt!: string;
}
