/** Small, honest timing helpers: warm up, then several fixed-length rounds, report the median. */

export interface Throughput {
  /** Operations per second, median of the rounds. */
  perSecond: number;
  rounds: number[];
  operations: number;
}

export async function measureThroughput(
  operation: () => unknown | Promise<unknown>,
  options: { warmUpMs?: number; roundMs?: number; rounds?: number; isAsync?: boolean } = {},
): Promise<Throughput> {
  const { warmUpMs = 1000, roundMs = 2000, rounds = 5, isAsync = false } = options;
  const runFor = async (ms: number): Promise<{ count: number; seconds: number }> => {
    const started = process.hrtime.bigint();
    const limit = started + BigInt(ms) * 1_000_000n;
    let count = 0;
    let now = started;
    // Check the clock every 64 operations so reading it costs nothing next to the work measured.
    while (now < limit) {
      for (let i = 0; i < 64; i += 1) {
        if (isAsync) await operation();
        else operation();
      }
      count += 64;
      now = process.hrtime.bigint();
    }
    return { count, seconds: Number(now - started) / 1e9 };
  };
  await runFor(warmUpMs);
  const results: number[] = [];
  let operations = 0;
  for (let round = 0; round < rounds; round += 1) {
    const { count, seconds } = await runFor(roundMs);
    results.push(count / seconds);
    operations += count;
  }
  return { perSecond: median(results), rounds: results, operations };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
