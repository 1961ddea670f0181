import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

export const DEAD_LETTER_REASONS = ['invalid-event', 'handler-failed', 'unknown-topic'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** Longest `detail` a dead-letter event carries. */
export const DEAD_LETTER_DETAIL_MAX = 2_000;
/** Longest excerpt of the original value a dead-letter event carries (characters). */
export const DEAD_LETTER_EXCERPT_MAX = 1_024;

/** What every version of a dead-letter event says: which message failed, where it came from, why. */
export abstract class DeadLetterRecordedBase {
  @IsUUID()
  deadLetterId!: string;

  /** The consuming handler, e.g. `approval.open-case-when-application-accepted`. */
  @IsString()
  @Length(1, 200)
  consumer!: string;

  @IsIn(DEAD_LETTER_REASONS)
  reason!: DeadLetterReason;

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

  @IsObject()
  originalHeaders!: Record<string, string>;

  @IsInt()
  @Min(0)
  attempts!: number;

  @IsISO8601({ strict: true })
  failedAt!: string;
}

/**
 * `<service>.dead-letter.recorded.v1`: a message one of the service's consumers could not handle.
 * It carried the original value verbatim, so a large poison message made a dead-letter event the
 * broker refused; no longer published (superseded by v2), kept for the record of the contract.
 */
export class DeadLetterRecordedV1 extends DeadLetterRecordedBase {
  /** Human-readable detail: the failing field paths or the last error. */
  @IsString()
  detail!: string;

  /** The original message value, verbatim (UTF-8 text; base64 when it was not text). */
  @IsString()
  originalValue!: string;
}

/**
 * `<service>.dead-letter.recorded.v2`: a message one of the service's consumers could not handle.
 * It carries a reference to the original message (topic, partition, offset, key, size and SHA-256
 * of its bytes) and a bounded, readable excerpt, never the whole value: however large or strange
 * the poison message, its dead-letter event stays small. The bytes themselves stay in the service's
 * dead-letter table, from where they are replayed after a fix. Key, headers and detail have NUL and
 * other control characters escaped (`\x00`).
 */
export class DeadLetterRecordedV2 extends DeadLetterRecordedBase {
  /** Human-readable detail: the failing field paths or the last error. */
  @IsString()
  @MaxLength(DEAD_LETTER_DETAIL_MAX)
  detail!: string;

  /** Size of the original value in bytes. */
  @IsInt()
  @Min(0)
  originalSize!: number;

  /** SHA-256 of the original value's bytes, lower-case hex. */
  @Matches(/^[0-9a-f]{64}$/)
  originalSha256!: string;

  /** The start of the value read as UTF-8, NUL and other control characters escaped (`\x00`). */
  @IsString()
  @MaxLength(DEAD_LETTER_EXCERPT_MAX + 1)
  originalExcerpt!: string;

  /** The excerpt is shorter than the value. */
  @IsBoolean()
  originalExcerptTruncated!: boolean;
}
