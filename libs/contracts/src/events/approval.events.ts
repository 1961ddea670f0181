import { Type } from 'class-transformer';
import {
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
