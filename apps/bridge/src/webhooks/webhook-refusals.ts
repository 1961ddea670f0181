/**
 * Refused webhook calls (bad signature, stale timestamp, replay) per adapter and source address. An
 * unauthenticated caller must not be able to grow the hash-chained exchange log by one entry per
 * attempt: the first refusal of a minute is logged at once, the rest of that minute is counted here
 * and logged as one summary row when the minute is over. Once a source has been refused `limit`
 * times in the last sixty seconds, its further calls are answered 429 without even checking them —
 * a sliding window, so that a source cannot spend its allowance at the end of one minute and again
 * at the start of the next.
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

export type RefusalAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

export class WebhookRefusals {
  /** The minute's refusals not yet logged, per adapter and source. */
  private readonly buckets = new Map<string, RefusalSummary>();
  /** When the source's last `limit` checked calls were refused, oldest first: the limit counts these. */
  private readonly recent = new Map<string, number[]>();
  private readonly closed: RefusalSummary[] = [];

  constructor(
    /** Refusals per adapter and source address in one minute before further calls are answered 429. */
    private readonly limit: number,
  ) {}

  /**
   * May this source's call be looked at, or has it been refused too often in the last sixty seconds?
   * A call held back is counted for the minute's summary row (code `TOO_MANY_REFUSALS`).
   */
  admit(adapterId: string, source: string, now: Date): RefusalAdmission {
    const key = keyOf(adapterId, source);
    const window = this.windowOf(key, now);
    const oldest = window[0];
    if (oldest === undefined || window.length < this.limit) return { admitted: true };
    this.count(key, adapterId, source, 'TOO_MANY_REFUSALS', now, false);
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + MINUTE_MS - now.getTime()) / 1000)) };
  }

  /**
   * Counts a checked call that was refused. Returns true when it is the first of its minute for this
   * adapter and source (log it now, on its own); false when it is counted for the minute's summary row.
   */
  refused(adapterId: string, source: string, code: string, now: Date): boolean {
    const key = keyOf(adapterId, source);
    const window = this.windowOf(key, now);
    window.push(now.getTime());
    if (window.length > this.limit) window.splice(0, window.length - this.limit);
    this.recent.set(key, window);
    return this.count(key, adapterId, source, code, now, true);
  }

  private count(key: string, adapterId: string, source: string, code: string, now: Date, mayLogAlone: boolean): boolean {
    const minute = minuteOf(now);
    const current = this.buckets.get(key);
    if (current && current.minute.getTime() === minute.getTime()) {
      current.count += 1;
      current.codes[code] = (current.codes[code] ?? 0) + 1;
      return false;
    }
    if (current && current.count > 0) this.closed.push(summaryOf(current));
    const fresh: RefusalSummary = { adapterId, source, minute, count: 0, codes: {} };
    this.buckets.set(key, fresh);
    if (mayLogAlone) return true;
    fresh.count = 1;
    fresh.codes[code] = 1;
    return false;
  }

  /** The refusal times of the last sixty seconds, oldest first. */
  private windowOf(key: string, now: Date): number[] {
    const since = now.getTime() - MINUTE_MS;
    return (this.recent.get(key) ?? []).filter((at) => at > since);
  }

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
    for (const [key, window] of this.recent) if (this.windowOf(key, now).length === 0 && window.length > 0) this.recent.delete(key);
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

function summaryOf(bucket: RefusalSummary): RefusalSummary {
  return { adapterId: bucket.adapterId, source: bucket.source, minute: bucket.minute, count: bucket.count, codes: { ...bucket.codes } };
}

function keyOf(adapterId: string, source: string): string {
  return `${adapterId}\n${source}`;
}

function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}
