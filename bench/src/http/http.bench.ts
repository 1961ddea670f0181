import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, startPlatformProcesses } from '@onewindow/testing';
import autocannon from 'autocannon';
import { median, rotated, round } from '../measure';

export interface HttpRun {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

export interface HttpBenchResult {
  connections: number;
  seconds: number;
  /** POST /applications at the intake service alone (no consumers downstream): validation, working-day deadline, database, outbox. The round with the median rate. */
  acceptApplication: HttpRun;
  /** The same request to a bare NestJS endpoint. The round with the median rate. */
  bareNest: HttpRun;
  /** accept ÷ bare: the median of the rounds' ratios, each from two runs taken one after the other. */
  shareOfBare: number;
  /** Requests per second of each round, bare and accept taken in turn (the first of a pair alternates). */
  rounds: Array<{ bareNest: number; acceptApplication: number }>;
}

/** Rounds of the two in turn: a burst of other work on the machine falls on both alike. */
const ROUNDS = 3;
const WARM_UP_SECONDS = 2;

const root = join(__dirname, '..', '..', '..');

/**
 * Accepting applications under autocannon at fixed concurrency, beside a bare NestJS endpoint:
 * both servers run throughout, and the two are measured in alternating rounds of a third of the time each.
 */
export async function benchHttp(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  connections: number;
  seconds: number;
  profileDir?: string;
}): Promise<HttpBenchResult> {
  const body = JSON.stringify(aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: '聊城市东昌府区水城建筑工程有限公司' }));
  const bare = await startBareNest();
  try {
    const platform = await startPlatformProcesses({
      databaseUrl: options.databaseUrl,
      kafkaBrokers: options.kafkaBrokers,
      label: 'http',
      only: ['intake'],
      ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    });
    try {
      const clerk = issueToken({ id: 'bench-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
      const roundSeconds = Math.max(1, Math.round(options.seconds / ROUNDS));
      const targets = {
        bareNest: () => cannon(`${bare.url}/applications`, body, {}, options.connections, roundSeconds),
        acceptApplication: () =>
          cannon(`${platform.urls.intake}/applications`, body, { authorization: `Bearer ${clerk}` }, options.connections, roundSeconds),
      };
      await cannon(`${bare.url}/applications`, body, {}, options.connections, WARM_UP_SECONDS);
      await cannon(
        `${platform.urls.intake}/applications`,
        body,
        { authorization: `Bearer ${clerk}` },
        options.connections,
        WARM_UP_SECONDS,
      );
      const runs: Array<{ bareNest: HttpRun; acceptApplication: HttpRun }> = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const taken: Partial<Record<keyof typeof targets, HttpRun>> = {};
        for (const name of rotated(Object.keys(targets) as Array<keyof typeof targets>, round)) taken[name] = await targets[name]();
        runs.push(taken as { bareNest: HttpRun; acceptApplication: HttpRun });
      }
      const medianRun = (name: keyof typeof targets) => {
        const sorted = runs.map((run) => run[name]).sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
        return sorted[Math.floor(sorted.length / 2)] as HttpRun;
      };
      return {
        connections: options.connections,
        seconds: roundSeconds * ROUNDS,
        acceptApplication: medianRun('acceptApplication'),
        bareNest: medianRun('bareNest'),
        shareOfBare: round(median(runs.map((run) => run.acceptApplication.requestsPerSecond / run.bareNest.requestsPerSecond)), 3),
        rounds: runs.map((run) => ({
          bareNest: run.bareNest.requestsPerSecond,
          acceptApplication: run.acceptApplication.requestsPerSecond,
        })),
      };
    } finally {
      await platform.stop();
    }
  } finally {
    bare.stop();
  }
}

async function cannon(url: string, body: string, headers: Record<string, string>, connections: number, seconds: number): Promise<HttpRun> {
  const result = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections,
    duration: seconds,
  });
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function startBareNest(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-r', join(root, 'tools', 'scripts', 'register-ts.cjs'), join(__dirname, 'bare-nest-app.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the bare NestJS app exited with ${code}`)));
  });
}
