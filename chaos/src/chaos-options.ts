import { harnessEnv } from '@onewindow/testing';

/**
 * What a chaos run is given: the database and broker the runner (tools/scripts/chaos.mjs) set up,
 * how large each scenario is (`--quick` or CHAOS_QUICK=1 for the form CI runs), where results go.
 */
export interface ChaosOptions {
  /** A superuser URL of the shared PostgreSQL: the harness creates its own role and database there. */
  databaseUrl: string;
  /** The broker the poison, fuzz, authorisation and shutdown scenarios use; faults starts its own, to stop and kill it. */
  kafkaBrokers: string;
  quick: boolean;
  /** Applications through the full loop in the faults scenario. */
  applications: number;
  /** Applications in flight at once in the faults scenario. */
  concurrency: number;
  /** Filings are spread over at least this long, so that every fault of a round meets applications in flight. */
  minFilingSeconds: number;
  /** When set (CHAOS_STOP_FILING_AT, an ISO time), no application is filed after it: a run on a slow machine still ends with counts, of fewer applications. */
  stopFilingAt?: number;
  /** How long PostgreSQL refuses the services' connections. */
  refuseSeconds: number;
  /** How long the broker stays stopped. */
  brokerDownSeconds: number;
  /** Malformed messages in the poison scenario. */
  poisonMessages: number;
  /** Generated requests per operation in the fuzz scenario (besides the fixed hostile classes). */
  fuzzRunsPerOperation: number;
  /** Filings in flight while each service is stopped in the shutdown scenario. */
  shutdownConnections: number;
  shutdownTimeoutMs: number;
  /** Where latest.json and latest.md go; unset: nowhere (the CI spec reads the returned results). */
  resultsDir?: string;
  seed: number;
}

export const SCENARIOS = ['faults', 'poison', 'fuzz', 'authorisation', 'shutdown'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function readChaosOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { options: ChaosOptions; scenarios: ScenarioName[] } {
  const quick = argv.includes('--quick') || env['CHAOS_QUICK'] === '1';
  const { int, required } = harnessEnv(env, 'npm run chaos');
  const chosen = argv.filter((a) => !a.startsWith('-'));
  const unknown = chosen.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
  return {
    scenarios: chosen.length === 0 ? [...SCENARIOS] : (chosen as ScenarioName[]),
    options: {
      ...quickOrFull(quick, int),
      databaseUrl: required('DATABASE_URL'),
      kafkaBrokers: required('KAFKA_BROKERS'),
      ...(env['CHAOS_RESULTS_DIR'] ? { resultsDir: env['CHAOS_RESULTS_DIR'] } : {}),
      ...(env['CHAOS_STOP_FILING_AT'] ? { stopFilingAt: Date.parse(env['CHAOS_STOP_FILING_AT']) } : {}),
    },
  };
}

/** The sizes of a full run (the README's figures) or of the quick one (CI), each overridable from the environment. */
export function quickOrFull(
  quick: boolean,
  int: (name: string, fallback: number) => number = (_, fallback) => fallback,
): Omit<ChaosOptions, 'databaseUrl' | 'kafkaBrokers' | 'resultsDir'> {
  return {
    quick,
    applications: int('CHAOS_APPLICATIONS', quick ? 150 : 10_000),
    concurrency: int('CHAOS_CONCURRENCY', quick ? 16 : 32),
    minFilingSeconds: int('CHAOS_MIN_FILING_SECONDS', quick ? 45 : 1),
    refuseSeconds: int('CHAOS_REFUSE_SECONDS', quick ? 5 : 30),
    brokerDownSeconds: int('CHAOS_BROKER_DOWN_SECONDS', quick ? 2 : 20),
    poisonMessages: int('CHAOS_POISON_MESSAGES', quick ? 100 : 1_000),
    fuzzRunsPerOperation: int('CHAOS_FUZZ_RUNS', quick ? 1 : 20),
    shutdownConnections: int('CHAOS_SHUTDOWN_CONNECTIONS', 8),
    shutdownTimeoutMs: int('CHAOS_SHUTDOWN_TIMEOUT_MS', 10_000),
    seed: int('CHAOS_SEED', 20261207),
  };
}
