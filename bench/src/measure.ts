/** Small, honest timing helpers: warm up, then several fixed-length rounds taken in turn, report the median. */

export interface Throughput {
  /** Operations per second, median of the rounds. */
  perSecond: number;
  rounds: number[];
  operations: number;
}

/** Runs an operation for about `ms` and counts how often it completed. */
async function runFor({ operation, isAsync = false }: Contender, ms: number): Promise<{ count: number; seconds: number }> {
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
}

/** One of the operations measured side by side: its work, and whether it returns a promise to wait for. */
export interface Contender {
  operation: () => unknown;
  isAsync?: boolean;
}

/**
 * Measures several operations in alternation: each round times every one of them once, in an order
 * that rotates from round to round, so a burst of other work on the machine falls on all of them
 * alike instead of on whichever ran during it. Each gets the median of its rounds.
 */
export async function measureInterleaved<Name extends string>(
  contenders: Record<Name, Contender>,
  options: { warmUpMs?: number; roundMs?: number; rounds?: number } = {},
): Promise<Record<Name, Throughput>> {
  const { warmUpMs = 1000, roundMs = 2000, rounds = 5 } = options;
  const names = Object.keys(contenders) as Name[];
  for (const name of names) await runFor(contenders[name], warmUpMs);
  const perRound = new Map<Name, number[]>(names.map((name) => [name, []]));
  const operations = new Map<Name, number>(names.map((name) => [name, 0]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of rotated(names, round)) {
      const { count, seconds } = await runFor(contenders[name], roundMs);
      perRound.get(name)?.push(count / seconds);
      operations.set(name, (operations.get(name) ?? 0) + count);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const results = perRound.get(name) ?? [];
      return [name, { perSecond: median(results), rounds: results, operations: operations.get(name) ?? 0 }];
    }),
  ) as Record<Name, Throughput>;
}

/** The names in round-robin order starting at `round`: [a, b, c], [b, c, a], [c, a, b], … */
export function rotated<T>(values: readonly T[], round: number): T[] {
  const start = values.length === 0 ? 0 : round % values.length;
  return [...values.slice(start), ...values.slice(0, start)];
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
