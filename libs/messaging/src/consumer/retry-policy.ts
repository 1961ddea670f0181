/**
 * Exponential back-off with equal jitter (half the capped delay fixed, half random), so a retry
 * never comes back at once yet retries of many consumers spread out; attempt numbers start at 1.
 */
export class RetryPolicy {
  constructor(
    readonly maxAttempts = 5,
    readonly baseDelayMs = 200,
    readonly maxDelayMs = 5_000,
    private readonly random: () => number = Math.random,
  ) {
    if (maxAttempts < 1) throw new Error('maxAttempts must be at least 1');
  }

  /** Delay before attempt `attempt + 1`, after `attempt` failed. */
  delayAfter(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  shouldRetry(attempt: number, error: unknown): boolean {
    return attempt < this.maxAttempts && !(error instanceof Error && error.name === 'PermanentEventError');
  }
}
