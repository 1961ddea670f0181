import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ActorV1, DepartmentRefV1, LOCAL_DATE, PartyV1 } from './shared';

/** `supervision.notice.created.v1`: a supervising department was told of a new licence holder. */
export class SupervisionNoticeCreatedV1 {
  @IsUUID()
  noticeId!: string;

  @IsUUID()
  licenceId!: string;

  @IsString()
  @Length(1, 64)
  licenceNumber!: string;

  @IsUUID()
  applicationId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  supervisingDepartment!: DepartmentRefV1;

  @ValidateNested()
  @Type(() => PartyV1)
  holder!: PartyV1;

  /** Where the holder does business (经营场所), from the application form. Absent from earlier events. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  holderAddress?: string;

  /** 许可范围 / 经营范围 of the licence. Absent from earlier events. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;

  @IsISO8601({ strict: true })
  acknowledgeBy!: string;

  @IsISO8601({ strict: true })
  createdAt!: string;
}

export const SUPERVISION_RECORD_KINDS = ['penalty', 'blacklist', 'redlist', 'inspection'] as const;
export type SupervisionRecordKind = (typeof SUPERVISION_RECORD_KINDS)[number];

/**
 * `supervision.record.published.v1`: 行政处罚, 失信名单 (blacklist), 守信红名单 (redlist) or an
 * inspection result about a holder. Approval keeps them as the credit gate's read model
 * (审管互动, the returning half). A record withdrawn later is published again with `withdrawn`.
 */
export class SupervisionRecordPublishedV1 {
  @IsUUID()
  recordId!: string;

  @IsIn(SUPERVISION_RECORD_KINDS)
  kind!: SupervisionRecordKind;

  @ValidateNested()
  @Type(() => PartyV1)
  holder!: PartyV1;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  department!: DepartmentRefV1;

  @IsString()
  @Length(1, 200)
  title!: string;

  /** 决定书文号, e.g. 东市监罚〔2026〕15号. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  details?: string;

  @Matches(LOCAL_DATE)
  decidedOn!: string;

  /** Until when a blacklist or redlist entry holds, or a penalty is publicised (公示截止日期); open-ended when absent. */
  @IsOptional()
  @Matches(LOCAL_DATE)
  validUntil?: string;

  @IsBoolean()
  withdrawn!: boolean;

  @ValidateNested()
  @Type(() => ActorV1)
  publishedBy!: ActorV1;

  @IsISO8601({ strict: true })
  publishedAt!: string;
}

/** `supervision.revocation.requested.v1`: supervision asks the issuing department to revoke a licence (e.g. a false pledge). */
export class RevocationRequestedV1 {
  @IsUUID()
  requestId!: string;

  @IsUUID()
  licenceId!: string;

  @IsString()
  @Length(1, 64)
  licenceNumber!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  requestedByDepartment!: DepartmentRefV1;

  @ValidateNested()
  @Type(() => ActorV1)
  requestedBy!: ActorV1;

  @IsISO8601({ strict: true })
  requestedAt!: string;
}

/** What every later event about a new-holder notice repeats: which notice, for whom, due when. */
export abstract class SupervisionNoticeStateV1 {
  @IsUUID()
  noticeId!: string;

  @IsUUID()
  licenceId!: string;

  @IsUUID()
  applicationId!: string;

  @ValidateNested()
  @Type(() => DepartmentRefV1)
  supervisingDepartment!: DepartmentRefV1;

  @IsISO8601({ strict: true })
  acknowledgeBy!: string;
}

/** `supervision.notice.acknowledged.v1`: 认领 — a supervising department took the new holder under supervision. */
export class SupervisionNoticeAcknowledgedV1 extends SupervisionNoticeStateV1 {
  /** Acknowledged on or before `acknowledgeBy`. */
  @IsBoolean()
  onTime!: boolean;

  @ValidateNested()
  @Type(() => ActorV1)
  acknowledgedBy!: ActorV1;

  @IsISO8601({ strict: true })
  acknowledgedAt!: string;
}

/** `supervision.notice.escalated.v1`: a notice was not acknowledged in time and went to the department head (督办). */
export class SupervisionNoticeEscalatedV1 extends SupervisionNoticeStateV1 {
  @IsISO8601({ strict: true })
  escalatedAt!: string;
}
