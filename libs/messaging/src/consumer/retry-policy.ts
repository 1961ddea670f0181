/**
 * Exponential back-off with equal jitter (half the capped delay fixed, half random), so a retry
 * never comes back at once yet retries of many clients spread out; attempt numbers start at 1.
 * The one back-off of the messaging lib: the consumer's retries, the relay's outage waits and
 * the bridge's deliveries all use it.
 */
export function backOffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** How often a failing event handler is tried, and how long to wait between tries. */
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
    return backOffDelay(attempt, this.baseDelayMs, this.maxDelayMs, this.random);
  }

  shouldRetry(attempt: number, error: unknown): boolean {
    return attempt < this.maxAttempts && !(error instanceof Error && error.name === 'PermanentEventError');
  }
}
