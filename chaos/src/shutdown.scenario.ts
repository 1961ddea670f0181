/**
 * Shutdown: each of the four services gets SIGTERM while under load — keep-alive HTTP calls to it
 * and, for the whole run, applications flowing through the loop (so every service is consuming and
 * publishing). It must exit within SHUTDOWN_TIMEOUT_MS, answer every request that was in flight at
 * the signal, and leave nothing it committed unpublished in its outbox. It is started again before
 * the next one is stopped.
 */
import { Agent, request } from 'node:http';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, SERVICE_NAMES, type ServiceName, type ServiceProcess } from '@onewindow/testing';
import { Client } from 'pg';
import { ApproverDesk } from './approver-desk';
import type { ChaosOptions } from './chaos-options';
import { AnswerTally, sleep } from './http-retry';
import { startScenarioPlatform } from './platform';
import type { ReportRow } from './poison.scenario';

export interface ShutdownResult {
  timeoutMs: number;
  services: Array<{
    service: ServiceName;
    exitCode: number | null;
    exitedInMs: number;
    /** Requests in flight at the signal, and those of them that failed (reset, refused) instead of being answered. */
    inFlightAtSignal: number;
    inFlightFailed: number;
    /** How they failed, by error code. */
    failures: Record<string, number>;
    /** Rows of the service's outbox left unpublished when it exited (goal 0). */
    unpublishedAfterExit: number;
  }>;
  passed: boolean;
  rows: ReportRow[];
}

const DEPARTMENT = 'DCF-ZJJ';

export async function runShutdown(options: ChaosOptions, progress: (line: string) => void = () => undefined): Promise<ShutdownResult> {
  const platform = await startScenarioPlatform({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'shutdown',
    env: { SHUTDOWN_TIMEOUT_MS: String(options.shutdownTimeoutMs), LOG_LEVEL: 'error' },
  });
  const client = new Client({ connectionString: options.databaseUrl });
  const tally = new AnswerTally();
  const deadline = Date.now() + 20 * 60_000;
  const clerk = issueToken({ id: 'chaos-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
  const admin = issueToken({ id: 'chaos-admin', name: '平台管理员', role: 'admin' }, platform.secret);
  const approver = issueToken({ id: 'chaos-approver', name: '王审批', role: 'approver', department: DEPARTMENT }, platform.secret);
  const desk = new ApproverDesk(tally, () => [platform.urls.approval], approver, 4, deadline);
  let flowing = true;
  try {
    await client.connect();
    desk.start();
    // Applications keep flowing through the loop for the whole scenario, through whichever services are up.
    let index = 0;
    const flow = (async () => {
      while (flowing) {
        await call(
          platform.urls.intake,
          'POST',
          '/applications',
          clerk,
          aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${(index += 1)}建筑工程有限公司` }),
        ).catch(() => undefined);
        await sleep(50);
      }
    })();
    const results: ShutdownResult['services'] = [];
    for (const service of SERVICE_NAMES) {
      await sleep(options.quick ? 2_000 : 10_000);
      const target = platform.processes.get(service) as ServiceProcess;
      // Keep-alive load on the service itself: filings at intake, its main list elsewhere.
      const agent = new Agent({ keepAlive: true, maxSockets: options.shutdownConnections });
      const load = loadFor(service, platform.urls[service], clerk, admin);
      let signalled = false;
      let inFlightAtSignal = 0;
      let inFlightFailed = 0;
      const inFlight = new Set<{ started: Promise<number>; sent: { done: boolean } }>();
      const errors: Record<string, number> = {};
      const workers = Array.from({ length: options.shutdownConnections }, async () => {
        while (!signalled) {
          // In flight once the whole request is written: one still being written when the signal came was not yet the service's.
          const sent = { done: false };
          const started = call(platform.urls[service], load.method, load.path, load.token, load.body?.(), agent, sent);
          const entry = { started, sent };
          inFlight.add(entry);
          await started.catch(() => undefined);
          inFlight.delete(entry);
        }
      });
      await sleep(1_000);
      signalled = true;
      const atSignal = [...inFlight].filter((entry) => entry.sent.done).map((entry) => entry.started);
      inFlightAtSignal = atSignal.length;
      const from = performance.now();
      const exitCode = await target.stop();
      const exitedInMs = Math.round(performance.now() - from);
      for (const outcome of await Promise.allSettled(atSignal)) {
        if (outcome.status !== 'rejected') continue;
        inFlightFailed += 1;
        const code = (outcome.reason as NodeJS.ErrnoException).code ?? 'error';
        errors[code] = (errors[code] ?? 0) + 1;
      }
      await Promise.all(workers);
      agent.destroy();
      const unpublished = Number(
        (
          await client.query(
            `SELECT count(*) AS n FROM "${platform.schemas[service]}".outbox_message WHERE published_at IS NULL AND failed_at IS NULL`,
          )
        ).rows[0]?.n ?? 0,
      );
      results.push({
        service,
        exitCode,
        exitedInMs,
        inFlightAtSignal,
        inFlightFailed,
        failures: errors,
        unpublishedAfterExit: unpublished,
      });
      progress(
        `shutdown: ${service} exited ${exitCode} in ${exitedInMs} ms; ${inFlightFailed}/${inFlightAtSignal} in flight failed; ${unpublished} left unpublished`,
      );
      if (service !== SERVICE_NAMES[SERVICE_NAMES.length - 1]) await restartPatiently(() => platform.restart(service));
    }
    flowing = false;
    await flow;
    const bounded = results.every((r) => r.exitCode === 0 && r.exitedInMs <= options.shutdownTimeoutMs);
    const answered = results.every((r) => r.inFlightFailed === 0);
    const published = results.every((r) => r.unpublishedAfterExit === 0);
    const list = (f: (r: ShutdownResult['services'][number]) => string) => results.map((r) => `${r.service} ${f(r)}`).join(', ');
    const rows: ReportRow[] = [
      {
        done: `SIGTERM to each service under keep-alive load (${options.shutdownConnections} connections) with applications flowing`,
        result: `exit code 0 in ${list((r) => `${r.exitedInMs} ms${r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`}`)}`,
        goal: `within SHUTDOWN_TIMEOUT_MS (${options.shutdownTimeoutMs} ms)`,
        met: bounded,
      },
      {
        done: 'requests in flight at the signal; outbox rows left after exit',
        result: `failed in flight: ${list(
          (r) =>
            `${r.inFlightFailed}/${r.inFlightAtSignal}${
              r.inFlightFailed
                ? ` (${Object.entries(r.failures)
                    .map(([c, n]) => `${c} ${n}`)
                    .join(', ')})`
                : ''
            }`,
        )}; unpublished: ${list((r) => String(r.unpublishedAfterExit))}`,
        goal: 'all answered, 0 unpublished',
        met: answered && published,
      },
    ];
    return { timeoutMs: options.shutdownTimeoutMs, services: results, passed: rows.every((r) => r.met), rows };
  } finally {
    flowing = false;
    await desk.stop().catch(() => undefined);
    await client.end().catch(() => undefined);
    await platform.stop().catch(() => undefined);
  }
}

function loadFor(
  service: ServiceName,
  _url: string,
  clerk: string,
  admin: string,
): { method: string; path: string; token: string; body?: () => unknown } {
  switch (service) {
    case 'intake':
      return { method: 'POST', path: '/applications', token: clerk, body: () => aConstructionPermitFiling({ creditCode: aCreditCode() }) };
    case 'approval':
      return { method: 'GET', path: '/cases?pageSize=20', token: admin };
    case 'supervision':
      return { method: 'GET', path: '/notices?pageSize=20', token: admin };
    case 'bridge':
      return { method: 'GET', path: '/adapters', token: admin };
  }
}

/** One call over a keep-alive agent (or a fresh connection), resolved with the status once the answer is read; rejected when the connection fails. */
async function restartPatiently(restart: () => Promise<unknown>): Promise<void> {
  try {
    await restart();
  } catch {
    await restart();
  }
}

function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  agent?: Agent,
  sent?: { done: boolean },
): Promise<number> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${base}${path}`,
      {
        method,
        ...(agent ? { agent } : {}),
        headers: {
          authorization: `Bearer ${token}`,
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.on('finish', () => {
      if (sent) sent.done = true;
    });
    outgoing.end(text);
  });
}
