import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { serializeDates } from '@onewindow/platform';
import { BRIDGE_DEAD_LETTER_STATUSES, type BridgeDeadLetter, type BridgeDeadLetterStatus } from './bridge-dead-letter.entity';
import { EXCHANGE_DIRECTIONS, EXCHANGE_STATUSES, type ExchangeLogEntry, type ExchangeStatus } from './exchange-log-entry.entity';

/** One problem mapping a record, naming the field and the rule at fault. */
export class MappingProblemView {
  @ApiPropertyOptional({ description: 'Path in the department’s record' })
  field?: string;

  @ApiPropertyOptional({ description: 'Path in the mapped record' })
  target?: string;

  @ApiPropertyOptional({ description: 'The failing rule of the mapping spec' })
  rule?: string;

  @ApiProperty({ example: 'code_unmapped' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** One exchange of the hash-chained log (交换日志). */
export class ExchangeLogEntryView {
  @ApiProperty({ description: 'Position in the chain, from 1' })
  seq!: string;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: EXCHANGE_DIRECTIONS })
  direction!: string;

  @ApiProperty()
  adapterId!: string;

  @ApiProperty({ example: 'delivery' })
  kind!: string;

  @ApiProperty({ type: String, nullable: true })
  applicationNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ description: 'SHA-256 of the payload (the bytes are not kept)' })
  payloadHash!: string;

  @ApiProperty({ enum: EXCHANGE_STATUSES })
  status!: ExchangeStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty()
  durationMs!: number;

  @ApiProperty({ type: String, nullable: true })
  detail!: string | null;

  @ApiProperty()
  previousHash!: string;

  @ApiProperty()
  hash!: string;
}

export class ChainBreakView {
  @ApiProperty()
  seq!: string;

  @ApiProperty({ enum: ['hash_mismatch', 'previous_hash_mismatch', 'gap'] })
  problem!: 'hash_mismatch' | 'previous_hash_mismatch' | 'gap';

  @ApiProperty()
  message!: string;
}

export class ChainVerificationView {
  @ApiProperty()
  intact!: boolean;

  @ApiProperty({ description: 'Rows checked before the break, or all' })
  checked!: number;

  @ApiProperty({ type: ChainBreakView, nullable: true })
  break!: ChainBreakView | null;
}

/** 死信: what the bridge could not carry, with the field and rule at fault. */
export class BridgeDeadLetterView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  adapterId!: string;

  @ApiProperty({ enum: ['outbound', 'inbound'] })
  direction!: 'outbound' | 'inbound';

  @ApiProperty({ example: 'result' })
  kind!: string;

  @ApiProperty()
  reference!: string;

  @ApiProperty({ type: String, nullable: true })
  applicationNumber!: string | null;

  @ApiProperty({ example: 'code_unmapped' })
  code!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Path of the failing field in the department’s record' })
  field!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The failing rule of the mapping spec, e.g. `fields[3].codeTable`' })
  rule!: string | null;

  @ApiProperty({ description: 'Every problem, in Chinese' })
  message!: string;

  @ApiProperty({ type: [MappingProblemView] })
  problems!: MappingProblemView[];

  @ApiProperty({ description: 'The record as received, or the delivery payload' })
  payload!: string;

  @ApiProperty({ enum: BRIDGE_DEAD_LETTER_STATUSES })
  status!: BridgeDeadLetterStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  replayedAt!: string | null;

  @ApiProperty({ title: '丢弃人', type: String, nullable: true })
  discardedBy!: string | null;

  @ApiProperty({ title: '丢弃时间', type: String, nullable: true, format: 'date-time' })
  discardedAt!: string | null;

  @ApiProperty({ title: '丢弃原因', type: String, nullable: true })
  discardReason!: string | null;
}

export class ReplayLineView {
  @ApiProperty({ format: 'uuid' })
  deadLetterId!: string;

  @ApiProperty({ enum: ['requeued', 'published', 'recorded', 'duplicate', 'dead-lettered-again', 'not-replayable'] })
  outcome!: 'requeued' | 'published' | 'recorded' | 'duplicate' | 'dead-lettered-again' | 'not-replayable';

  @ApiPropertyOptional()
  message?: string;
}

export class ReplayReportView {
  @ApiProperty()
  replayed!: number;

  @ApiProperty({ type: [ReplayLineView] })
  lines!: ReplayLineView[];
}

export function toExchangeLogEntryView(entry: ExchangeLogEntry): ExchangeLogEntryView {
  return serializeDates(entry);
}

export function toBridgeDeadLetterView(letter: BridgeDeadLetter): BridgeDeadLetterView {
  return serializeDates(letter);
}
