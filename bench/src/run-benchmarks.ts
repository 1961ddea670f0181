/**
 * `npm run bench` runs this after building the services and starting a Kafka broker. Each benchmark
 * is named on the command line (default: all); results go to bench/results/ as JSON and a Markdown
 * table, and the README's table is replaced with the latest one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { replaceMarkedSection } from '@onewindow/testing';
import { Client } from 'pg';
import { readBenchOptions } from './bench-options';
import { benchBrowserAdapter, type BrowserAdapterBenchResult } from './browser/browser-adapter.bench';
import { benchConsoleFirstLoad, type ConsoleFirstLoadResult } from './console/first-load.bench';
import { benchEmbeddedStart, type EmbeddedStartResult } from './embedded/embedded-start.bench';
import { benchHttp, type HttpBenchResult } from './http/http.bench';
import { benchMapping, type MappingBenchResult } from './mapping/mapping.bench';
import { benchFloor, type FloorResult } from './pipeline/floor.bench';
import { costRatios } from './pipeline/existing-history';
import { benchPipeline, type PipelineBenchResult } from './pipeline/pipeline.bench';
import { benchScaleOut, type ScaleOutBenchResult } from './pipeline/scale-out.bench';
import { renderMarkdown } from './report';
import { KAFKA_VERSION } from '../../tools/kafka/broker';

export interface BenchResults {
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; kernel: string; node: string; postgres: string; kafka: string };
  options: {
    applications: number;
    concurrency: number;
    httpConnections: number;
    httpSeconds: number;
    browserDeliveries: number;
    existingApplications: number;
  };
  mapping?: MappingBenchResult;
  pipeline?: PipelineBenchResult;
  /** The same pipeline with 4 applications in flight: the latency of the path itself, without queueing. */
  pipelineLightLoad?: PipelineBenchResult;
  /** The same pipeline run with `existingApplications` concluded applications already in the database. */
  pipelineWithHistory?: PipelineBenchResult;
  /** Cost per application with that history divided by the same on empty tables (goal: within 1.2×). */
  flatCost?: ReturnType<typeof costRatios>;
  floor?: FloorResult;
  /** The pipeline once more with two instances of every service, the second ones joining mid-run. */
  scaleOut?: ScaleOutBenchResult;
  http?: HttpBenchResult;
  embeddedStart?: EmbeddedStartResult;
  consoleFirstLoad?: ConsoleFirstLoadResult;
  browserAdapter?: BrowserAdapterBenchResult;
  /**
   * The machine's 1-minute load average just before each benchmark (after waiting up to a minute
   * for the previous one's load to settle); `busy` when it stayed above half the cores, so that
   * a figure measured beside other work is marked as such.
   */
  loadBefore: Array<{ benchmark: string; load1: number; busy: boolean }>;
}

/** A machine whose 1-minute load average is above this share of its cores is busy with other work. */
const BUSY_LOAD_PER_CORE = 0.5;

const ALL = ['mapping', 'embedded', 'pipeline', 'scale-out', 'http', 'console', 'browser'] as const;

async function main(): Promise<void> {
  const options = readBenchOptions();
  const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = chosen.filter((name) => !(ALL as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  const run = (name: (typeof ALL)[number]) => chosen.length === 0 || chosen.includes(name);
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: await machine(options.databaseUrl),
    options: {
      applications: options.applications,
      concurrency: options.concurrency,
      httpConnections: options.httpConnections,
      httpSeconds: options.httpSeconds,
      browserDeliveries: options.browserDeliveries,
      existingApplications: options.existingApplications,
    },
    loadBefore: [],
  };
  const step = async <T>(title: string, work: () => Promise<T>): Promise<T> => {
    const load = await settledLoad();
    results.loadBefore.push({ benchmark: title, ...load });
    process.stdout.write(`▶ ${title} (load average ${load.load1}${load.busy ? ': a busy machine, figures marked' : ''})\n`);
    const value = await work();
    process.stdout.write(`${JSON.stringify(value, (key, v) => (key === 'outboxBacklog' ? `${(v as unknown[]).length} samples` : v), 2)}\n`);
    return value;
  };
  if (run('mapping'))
    results.mapping = await step('mapping: compiled spec vs JSONata vs by hand', () => benchMapping({ roundMs: options.roundMs }));
  if (run('embedded')) results.embeddedStart = await step('embedded start', () => benchEmbeddedStart());
  if (run('pipeline')) {
    results.floor = await step('floor: raw kafkajs and PostgreSQL', () =>
      benchFloor({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        messages: options.applications,
        concurrency: options.concurrency,
      }),
    );
    results.pipeline = await step('pipeline: intake → approval → decision → supervision, four processes', () =>
      benchPipeline({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        applications: options.applications,
        concurrency: options.concurrency,
        ...(options.profileDir ? { profileDir: join(options.profileDir, 'pipeline') } : {}),
      }),
    );
  }
  if (run('pipeline') && options.existingApplications > 0 && results.pipeline) {
    const empty = results.pipeline;
    const withHistory = await step(`pipeline with ${options.existingApplications} applications already in the database`, () =>
      benchPipeline({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        applications: options.applications,
        concurrency: options.concurrency,
        existingApplications: options.existingApplications,
      }),
    );
    results.pipelineWithHistory = withHistory;
    const cost = (p: PipelineBenchResult) => ({
      rowsRead: p.perApplication.rowsReadFromServiceTables,
      commits: p.perApplication.commits,
      rowsWritten: p.perApplication.rowsWrittenToServiceTables,
      applicationsPerSecond: p.applicationsPerSecond,
    });
    results.flatCost = costRatios(cost(empty), cost(withHistory));
  }
  if (run('pipeline')) {
    results.pipelineLightLoad = await step('pipeline at light load (4 in flight)', () =>
      benchPipeline({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        applications: Math.max(100, Math.round(options.applications / 8)),
        concurrency: 4,
      }),
    );
  }
  if (run('scale-out')) {
    results.scaleOut = await step('pipeline, two instances of every service', () =>
      benchScaleOut({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        applications: options.applications,
        concurrency: options.concurrency,
        ...(options.profileDir ? { profileDir: join(options.profileDir, 'scale-out') } : {}),
      }),
    );
  }
  if (run('http')) {
    results.http = await step('http: accepting applications vs a bare NestJS endpoint', () =>
      benchHttp({
        databaseUrl: options.databaseUrl,
        kafkaBrokers: options.kafkaBrokers,
        connections: options.httpConnections,
        seconds: options.httpSeconds,
        ...(options.profileDir ? { profileDir: join(options.profileDir, 'http') } : {}),
      }),
    );
  }
  if (run('console'))
    results.consoleFirstLoad = await step('console: first load, JS+CSS gzip, from the build', async () => benchConsoleFirstLoad());
  if (run('browser')) {
    results.browserAdapter = await step('browser adapter (行为模拟, pool of 2) beside the file drop, deliveries per minute', () =>
      benchBrowserAdapter({ databaseUrl: options.databaseUrl, kafkaBrokers: options.kafkaBrokers, deliveries: options.browserDeliveries }),
    );
  }
  mkdirSync(options.resultsDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const markdown = renderMarkdown(results);
  writeFileSync(join(options.resultsDir, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.resultsDir, 'latest.md'), markdown);
  if (chosen.length === 0) replaceMarkedSection(join(__dirname, '..', '..', 'README.md'), 'bench', markdown);
  process.stdout.write(`\n${markdown}\nresults in ${options.resultsDir}\n`);
}

/** Waits up to a minute for the load average to fall below the busy line, then reads it. */
async function settledLoad(): Promise<{ load1: number; busy: boolean }> {
  const line = cpus().length * BUSY_LOAD_PER_CORE;
  for (let waited = 0; waited < 60_000 && (loadavg()[0] ?? 0) > line; waited += 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  const load1 = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  return { load1, busy: load1 > line };
}

async function machine(databaseUrl: string): Promise<BenchResults['machine']> {
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
