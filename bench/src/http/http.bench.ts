import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, startPlatformProcesses } from '@onewindow/testing';
import autocannon from 'autocannon';
import { round } from '../measure';

export interface HttpRun {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

export interface HttpBenchResult {
  connections: number;
  seconds: number;
  /** POST /applications at the intake service alone (no consumers downstream): validation, working-day deadline, database, outbox. */
  acceptApplication: HttpRun;
  /** The same request to a bare NestJS endpoint. */
  bareNest: HttpRun;
  /** accept ÷ bare. */
  shareOfBare: number;
}

const root = join(__dirname, '..', '..', '..');

/** Accepting applications under autocannon at fixed concurrency, beside a bare NestJS endpoint in the same run. */
export async function benchHttp(options: { databaseUrl: string; kafkaBrokers: string; connections: number; seconds: number; profileDir?: string }): Promise<HttpBenchResult> {
  const body = JSON.stringify(aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: '聊城市东昌府区水城建筑工程有限公司' }));
  const bare = await startBareNest();
  let bareRun: HttpRun;
  try {
    bareRun = await cannon(`${bare.url}/applications`, body, {}, options);
  } finally {
    bare.stop();
  }
  const platform = await startPlatformProcesses({ databaseUrl: options.databaseUrl, kafkaBrokers: options.kafkaBrokers, label: 'http', only: ['intake'], ...(options.profileDir ? { profileDir: options.profileDir } : {}) });
  try {
    const clerk = issueToken({ id: 'bench-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
    const accept = await cannon(`${platform.urls.intake}/applications`, body, { authorization: `Bearer ${clerk}` }, options);
    return {
      connections: options.connections,
      seconds: options.seconds,
      acceptApplication: accept,
      bareNest: bareRun,
      shareOfBare: round(accept.requestsPerSecond / bareRun.requestsPerSecond, 3),
    };
  } finally {
    await platform.stop();
  }
}

async function cannon(url: string, body: string, headers: Record<string, string>, options: { connections: number; seconds: number }): Promise<HttpRun> {
  const result = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections: options.connections,
    duration: options.seconds,
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
