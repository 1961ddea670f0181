import { ApiProperty } from '@nestjs/swagger';
import { SUPERVISION_RECORD_KINDS, type SupervisionRecordKind } from '@onewindow/contracts';
import { serializeDates } from '@onewindow/platform';
import type { HolderRecord } from './holder-record.entity';

/** A supervision record about a holder, as approval keeps it for its credit gate. */
export class HolderRecordView {
  @ApiProperty({ format: 'uuid' })
  recordId!: string;

  @ApiProperty()
  holderIdentifier!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ enum: SUPERVISION_RECORD_KINDS, description: 'penalty 行政处罚 / blacklist 失信 / redlist 红名单 / inspection 检查结果' })
  kind!: SupervisionRecordKind;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  documentNumber!: string | null;

  @ApiProperty({ format: 'date' })
  decidedOn!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validUntil!: string | null;

  @ApiProperty()
  withdrawn!: boolean;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CreditHolderView {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  identifier!: string;
}

/** What the approver sees before deciding: the applicant's standing and every record (审管互动). */
export class CaseCreditView {
  @ApiProperty({ type: CreditHolderView })
  holder!: CreditHolderView;

  @ApiProperty({ description: 'On an active 失信 entry today: approving needs an override with a reason' })
  blacklisted!: boolean;

  @ApiProperty()
  redlisted!: boolean;

  @ApiProperty({ description: 'Accepted with 容缺 or 告知承诺' })
  reliesOnTolerance!: boolean;

  @ApiProperty({ type: [HolderRecordView] })
  records!: HolderRecordView[];
}

export function toHolderRecordView(record: HolderRecord): HolderRecordView {
  return serializeDates(record);
}
