import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';

export const DEAD_LETTER_REASONS = ['invalid-event', 'handler-failed', 'unknown-topic'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/**
 * `<service>.dead-letter.recorded.v1`: a message one of the service's consumers could not handle.
 * It carries the original bytes and where they came from, so the message can be replayed after a fix.
 */
export class DeadLetterRecordedV1 {
  @IsUUID()
  deadLetterId!: string;

  /** The consuming handler, e.g. `approval.open-case-when-application-accepted`. */
  @IsString()
  @Length(1, 200)
  consumer!: string;

  @IsIn(DEAD_LETTER_REASONS)
  reason!: DeadLetterReason;

  /** Human-readable detail: the failing field paths or the last error. */
  @IsString()
  detail!: string;

  @IsString()
  originalTopic!: string;

  @IsInt()
  @Min(-1)
  originalPartition!: number;

  /** Kafka offset as a string (int64); `-1` where the transport has none. */
  @IsString()
  originalOffset!: string;

  @IsOptional()
  @IsString()
  originalKey?: string;

  /** The original message value, verbatim (UTF-8 text; base64 when it was not text). */
  @IsString()
  originalValue!: string;

  @IsObject()
  originalHeaders!: Record<string, string>;

  @IsInt()
  @Min(0)
  attempts!: number;

  @IsISO8601({ strict: true })
  failedAt!: string;
}
