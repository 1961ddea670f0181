import { ApiProperty } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import { LOOKUP_KEYS, type LookupKey } from '../adapters/adapter-definition';
import type { PrefillRecord } from './prefill-record.entity';

export class LookupKeyView {
  @ApiProperty({ enum: LOOKUP_KEYS })
  kind!: LookupKey;

  @ApiProperty()
  value!: string;
}

/** A form field filled from a shared data source, with its source and time (the badge the window shows). */
export class PrefilledFieldView {
  @ApiProperty({ example: 'enterprise.address' })
  path!: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  value!: string | number | boolean;

  @ApiProperty({ example: '聊城市法人库' })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  fetchedAt!: string;
}

/** 数据自动调取: the fields one key fills. */
export class PrefillView {
  @ApiProperty({ format: 'uuid', description: 'To report the form’s use of it later' })
  prefillId!: string;

  @ApiProperty({ type: LookupKeyView })
  key!: LookupKeyView;

  @ApiProperty()
  source!: string;

  @ApiProperty({ format: 'date-time' })
  fetchedAt!: string;

  @ApiProperty({ type: [PrefilledFieldView] })
  fields!: PrefilledFieldView[];
}

export class PrefillRecordView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  lookupId!: string;

  @ApiProperty({ enum: LOOKUP_KEYS })
  keyKind!: string;

  @ApiProperty({ description: 'A keyed digest of the key, never the key' })
  keyHash!: string;

  @ApiProperty()
  fieldsFilled!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: Number, nullable: true })
  fieldsKept!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  fieldsChanged!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  fieldsTyped!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  reportedAt!: string | null;
}

/** 自动调取率. */
export class PrefillStatisticsView {
  @ApiProperty()
  lookups!: number;

  @ApiProperty()
  fieldsFilledAutomatically!: number;

  @ApiProperty()
  reportedForms!: number;

  @ApiProperty()
  fieldsKept!: number;

  @ApiProperty()
  fieldsChanged!: number;

  @ApiProperty()
  fieldsTyped!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Kept pre-filled fields among all fields, in percent' })
  automaticSharePercent!: number | null;
}

export function toPrefillRecordView(record: PrefillRecord): PrefillRecordView {
  return serializeDates(record);
}
