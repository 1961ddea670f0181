import { harnessEnv } from '@onewindow/testing';

/**
 * What a benchmark run is given, read once from the environment the runner (tools/scripts/bench.mjs)
 * sets up: the broker it started, the database, and how large the run is.
 */
export interface BenchOptions {
  databaseUrl: string;
  kafkaBrokers: string;
  /** Applications through the pipeline (and messages/rows for its floor). */
  applications: number;
  /** Applications in flight at once, each from its filing to its supervision notice (a closed loop); also the HTTP floor's connections to PostgreSQL. */
  concurrency: number;
  /** Length of each timed round of the mapping benchmark. */
  roundMs: number;
  /** Seconds each autocannon run lasts. */
  httpSeconds: number;
  httpConnections: number;
  /** Deliveries through the browser adapter and, beside it, the file drop. */
  browserDeliveries: number;
  resultsDir: string;
  /** Concluded applications seeded into the database before the pipeline runs again (the flat-cost run); 0 skips that run. */
  existingApplications: number;
  /** When set, every service process writes a CPU profile here (one folder per service). */
  profileDir?: string;
}

export function readBenchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = env['BENCH_QUICK'] === '1';
  const { int, required } = harnessEnv(env, 'npm run bench');
  return {
    databaseUrl: required('DATABASE_URL'),
    kafkaBrokers: required('KAFKA_BROKERS'),
    applications: int('BENCH_APPLICATIONS', quick ? 200 : 2000),
    concurrency: int('BENCH_CONCURRENCY', 32),
    roundMs: int('BENCH_ROUND_MS', quick ? 300 : 2000),
    httpSeconds: int('BENCH_HTTP_SECONDS', quick ? 3 : 10),
    httpConnections: int('BENCH_HTTP_CONNECTIONS', 32),
    browserDeliveries: int('BENCH_BROWSER_DELIVERIES', quick ? 6 : 40),
    existingApplications: env['BENCH_EXISTING_APPLICATIONS'] === '0' ? 0 : int('BENCH_EXISTING_APPLICATIONS', quick ? 2000 : 20_000),
    resultsDir: required('BENCH_RESULTS_DIR'),
    ...(env['BENCH_PROFILE_DIR'] ? { profileDir: env['BENCH_PROFILE_DIR'] } : {}),
  };
}
