import { Type } from 'class-transformer';
import { IsISO8601, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DepartmentRefV1, PartyV1 } from './shared';

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

  @IsISO8601({ strict: true })
  acknowledgeBy!: string;

  @IsISO8601({ strict: true })
  createdAt!: string;
}
