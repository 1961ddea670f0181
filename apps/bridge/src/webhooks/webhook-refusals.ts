/**
 * Refused webhook calls (bad signature, stale timestamp, replay) per adapter and source address, by
 * the minute. An unauthenticated caller must not be able to grow the hash-chained exchange log by
 * one entry per attempt: the first refusal of a minute is logged at once, the rest of that minute
 * is counted here and logged as one summary row when the minute is over; once a source has been
 * refused `limit` times in a minute, its further calls are answered 429 until the minute ends,
 * without even checking them.
 */
export interface RefusalSummary {
  adapterId: string;
  source: string;
  /** Start of the minute. */
  minute: Date;
  /** Refusals not yet in the exchange log. */
  count: number;
  /** How many of them each code, e.g. `{ SIGNATURE_INVALID: 12, TOO_MANY_REFUSALS: 30 }`. */
  codes: Record<string, number>;
}

interface Bucket extends RefusalSummary {
  /** All refusals of the minute, logged or not: the limit counts these. */
  total: number;
}

export type RefusalAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

export class WebhookRefusals {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    /** Refusals per adapter and source address in one minute before further calls are answered 429. */
    private readonly limit: number,
  ) {}

  /** May this source's call be looked at, or has it been refused too often this minute? */
  admit(adapterId: string, source: string, now: Date): RefusalAdmission {
    const bucket = this.buckets.get(keyOf(adapterId, source));
    if (!bucket || bucket.minute.getTime() !== minuteOf(now).getTime() || bucket.total < this.limit) return { admitted: true };
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((bucket.minute.getTime() + MINUTE_MS - now.getTime()) / 1000)) };
  }

  /**
   * Counts a refusal. Returns true when it is the first of its minute for this adapter and source
   * (log it now, on its own); false when it is counted for the minute's summary row.
   */
  refused(adapterId: string, source: string, code: string, now: Date): boolean {
    const key = keyOf(adapterId, source);
    const minute = minuteOf(now);
    const current = this.buckets.get(key);
    if (current && current.minute.getTime() === minute.getTime()) {
      current.total += 1;
      current.count += 1;
      current.codes[code] = (current.codes[code] ?? 0) + 1;
      return false;
    }
    if (current && current.count > 0) this.closed.push(summaryOf(current));
    this.buckets.set(key, { adapterId, source, minute, count: 0, codes: {}, total: 1 });
    return true;
  }

  private readonly closed: RefusalSummary[] = [];

  /** Summaries to log: minutes that are over (all of them with `everything`, e.g. before a reconciliation or at shutdown). */
  takeSummaries(now: Date, everything = false): RefusalSummary[] {
    const current = minuteOf(now).getTime();
    const due = this.closed.splice(0);
    for (const [key, bucket] of this.buckets) {
      const over = bucket.minute.getTime() < current;
      if (bucket.count > 0 && (over || everything)) {
        due.push(summaryOf(bucket));
        bucket.count = 0;
        bucket.codes = {};
      }
      if (over) this.buckets.delete(key);
    }
    return due;
  }
}

/** The summary row's detail, Chinese, for the integrator reading the exchange log. */
export function refusalSummaryText(summary: RefusalSummary): string {
  const codes = Object.entries(summary.codes)
    .map(([code, count]) => `${code} ${count} 次`)
    .join('，');
  return `来自 ${summary.source} 的回调在 ${summary.minute.toISOString().slice(0, 16)}Z 起的一分钟内另被拒收 ${summary.count} 次（${codes}），合并记为一条`;
}

function summaryOf(bucket: Bucket): RefusalSummary {
  return { adapterId: bucket.adapterId, source: bucket.source, minute: bucket.minute, count: bucket.count, codes: { ...bucket.codes } };
}

function keyOf(adapterId: string, source: string): string {
  return `${adapterId}\n${source}`;
}

function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}
