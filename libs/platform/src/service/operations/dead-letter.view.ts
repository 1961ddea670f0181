import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAD_LETTER_STATUSES, readableClipped, type DeadLetter, type DeadLetterStatus, type ReplayResult } from '@onewindow/messaging';

/** Most characters of a dead letter's value a listing shows: a poison message may be megabytes. */
const DEAD_LETTER_VIEW_VALUE_MAX = 64 * 1024;

/** A message a consumer could not handle, with its reason and where it came from. */
export class DeadLetterView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The consumer that failed on it', example: 'approval.open-cases' })
  consumer!: string;

  @ApiProperty({ example: 'INVALID_PAYLOAD' })
  reason!: string;

  @ApiProperty({ description: 'What exactly was wrong (the field at fault, the error)' })
  detail!: string;

  @ApiProperty({ example: 'intake.application.accepted.v1' })
  originalTopic!: string;

  @ApiProperty()
  originalPartition!: number;

  @ApiProperty({ description: 'Kafka offset (a string: it may exceed 2^53)' })
  originalOffset!: string;

  @ApiProperty({ type: String, nullable: true })
  originalKey!: string | null;

  @ApiProperty({
    description: `The message as received, read as UTF-8 with NUL and other control characters escaped (\\x00), at most ${DEAD_LETTER_VIEW_VALUE_MAX} characters (cut with …); the bytes themselves are kept for replay`,
  })
  originalValue!: string;

  @ApiProperty({ description: 'Size of the message value in bytes' })
  originalSize!: number;

  @ApiProperty({ description: 'SHA-256 of the message value, lower-case hex' })
  originalSha256!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  originalHeaders!: Record<string, string>;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ enum: DEAD_LETTER_STATUSES })
  status!: DeadLetterStatus;

  @ApiProperty()
  replayCount!: number;

  @ApiProperty({
    title: '丢弃人',
    type: String,
    nullable: true,
    description: 'Who discarded it (name and account id); null unless discarded',
  })
  discardedBy!: string | null;

  @ApiProperty({ title: '丢弃时间', type: String, format: 'date-time', nullable: true })
  discardedAt!: string | null;

  @ApiProperty({ title: '丢弃原因', type: String, nullable: true })
  discardReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ReplayResultView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  consumer!: string;

  @ApiProperty({ enum: ['replayed', 'still-failing', 'no-such-consumer'] })
  result!: ReplayResult['result'];

  @ApiPropertyOptional()
  detail?: string;
}

export class ReplayOutcomeView {
  @ApiProperty()
  replayed!: number;

  @ApiProperty()
  stillFailing!: number;

  @ApiProperty({ type: [ReplayResultView] })
  results!: ReplayResultView[];
}

export class DiscardedDeadLetterView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['discarded'] })
  status!: 'discarded';

  @ApiProperty({ title: '丢弃人' })
  discardedBy!: string;

  @ApiProperty({ title: '丢弃时间', format: 'date-time' })
  discardedAt!: string;

  @ApiProperty({ title: '丢弃原因' })
  discardReason!: string;
}

export function toDeadLetterView(letter: DeadLetter): DeadLetterView {
  return {
    id: letter.id,
    consumer: letter.consumer,
    reason: letter.reason,
    detail: letter.detail,
    originalTopic: letter.originalTopic,
    originalPartition: letter.originalPartition,
    originalOffset: letter.originalOffset,
    originalKey: letter.originalKey,
    originalValue: readableClipped(
      letter.originalValue.subarray(0, DEAD_LETTER_VIEW_VALUE_MAX * 4).toString('utf8'),
      DEAD_LETTER_VIEW_VALUE_MAX,
    ),
    originalSize: letter.originalSize,
    originalSha256: letter.originalSha256,
    originalHeaders: letter.originalHeaders,
    attempts: letter.attempts,
    status: letter.status,
    replayCount: letter.replayCount,
    discardedBy: letter.discardedBy,
    discardedAt: letter.discardedAt?.toISOString() ?? null,
    discardReason: letter.discardReason,
    createdAt: letter.createdAt.toISOString(),
    updatedAt: letter.updatedAt.toISOString(),
  };
}
