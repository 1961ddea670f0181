import { ApiProperty } from '@nestjs/swagger';
import { SUPERVISION_RECORD_KINDS, type SupervisionRecordKind } from '@onewindow/contracts';
import { ActorView, PartyView, serializeDates } from '@onewindow/platform';
import { RECORD_SOURCES, type RecordSource, type SupervisionRecord } from './supervision-record.entity';

/** 行政处罚, 失信, 红名单 or an inspection result about a holder. */
export class SupervisionRecordView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SUPERVISION_RECORD_KINDS })
  kind!: SupervisionRecordKind;

  @ApiProperty()
  holderIdentifier!: string;

  @ApiProperty({ type: PartyView })
  holder!: PartyView;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: '决定书文号' })
  documentNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  details!: string | null;

  @ApiProperty({ format: 'date' })
  decidedOn!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validUntil!: string | null;

  @ApiProperty()
  withdrawn!: boolean;

  @ApiProperty({ type: String, nullable: true })
  withdrawalReason!: string | null;

  @ApiProperty({ enum: RECORD_SOURCES })
  source!: RecordSource;

  @ApiProperty({ type: ActorView })
  publishedBy!: ActorView;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
}

export function toSupervisionRecordView(record: SupervisionRecord): SupervisionRecordView {
  return serializeDates(record);
}
