/**
 * The chaos suite: each scenario breaks the platform one way (faults, poison, fuzz, authorisation,
 * shutdown) and reports its figures against a goal. Used by `npm run chaos` (run-chaos.ts) and, in
 * its quick form, by the integration spec chaos-quick.int-spec.ts.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, release, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { KAFKA_VERSION } from '../../tools/kafka/broker';
import type { ChaosOptions, ScenarioName } from './chaos-options';
import { runFaults, type FaultsResult } from './faults.scenario';
import { runPoison, type PoisonResult } from './poison.scenario';
import { runFuzz, type FuzzResult } from './fuzz.scenario';
import { runAuthorisation, type AuthorisationResult } from './authorisation.scenario';
import { runShutdown, type ShutdownResult } from './shutdown.scenario';
import { renderChaosMarkdown } from './report';

export interface ScenarioRun<T> {
  startedAt: string;
  /** The 1-minute load average when it started: figures measured beside other work are marked. */
  load1: number;
  quick: boolean;
  result?: T;
  /** Set when the scenario itself broke (not a goal missed: the harness could not finish). */
  error?: string;
  passed: boolean;
}

export interface ChaosResults {
  machine: { cpu: string; cores: number; memoryGiB: number; kernel: string; node: string; postgres: string; kafka: string };
  faults?: ScenarioRun<FaultsResult>;
  poison?: ScenarioRun<PoisonResult>;
  fuzz?: ScenarioRun<FuzzResult>;
  authorisation?: ScenarioRun<AuthorisationResult>;
  shutdown?: ScenarioRun<ShutdownResult>;
}

type Runner = (options: ChaosOptions, progress: (line: string) => void) => Promise<{ passed: boolean }>;

const RUNNERS: Record<ScenarioName, () => Promise<Runner>> = {
  faults: async () => runFaults,
  poison: async () => runPoison,
  fuzz: async () => runFuzz,
  authorisation: async () => runAuthorisation,
  shutdown: async () => runShutdown,
};

/**
 * Runs the scenarios in turn. With a results directory, latest.json and latest.md are written as
 * each scenario finishes (a long run that dies keeps what it had); a scenario not run this time
 * keeps its figures from the last run that had it, with that run's date.
 */
export async function runChaos(
  options: ChaosOptions,
  scenarios: readonly ScenarioName[],
  progress: (line: string) => void = () => undefined,
): Promise<ChaosResults> {
  const previous =
    options.resultsDir && existsSync(join(options.resultsDir, 'latest.json'))
      ? (JSON.parse(readFileSync(join(options.resultsDir, 'latest.json'), 'utf8')) as ChaosResults)
      : null;
  const results: ChaosResults = { ...(previous ?? {}), machine: await machine(options.databaseUrl) };
  for (const name of scenarios) {
    const run: ScenarioRun<unknown> = {
      startedAt: new Date().toISOString(),
      load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      quick: options.quick,
      passed: false,
    };
    progress(`▶ ${name}${options.quick ? ' (quick)' : ''}, load average ${run.load1}`);
    try {
      const runner = await RUNNERS[name]();
      const result = await runner(options, progress);
      run.result = result;
      run.passed = result.passed;
    } catch (error) {
      run.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      progress(`✖ ${name} broke: ${run.error}`);
    }
    (results as unknown as Record<string, unknown>)[name] = run;
    progress(`${run.passed ? '✔' : '✖'} ${name}: ${JSON.stringify(run.result ?? run.error).slice(0, 2_000)}`);
    if (options.resultsDir) write(options.resultsDir, results);
  }
  return results;
}

export function passedAll(results: ChaosResults, scenarios: readonly ScenarioName[]): boolean {
  return scenarios.every((name) => results[name]?.passed === true);
}

function write(dir: string, results: ChaosResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), renderChaosMarkdown(results));
}

async function machine(databaseUrl: string): Promise<ChaosResults['machine']> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
  await client.end();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    postgres,
    kafka: KAFKA_VERSION,
  };
}
