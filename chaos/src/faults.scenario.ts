/**
 * Faults: N applications through the full loop — filed at intake, each part opened as a case and
 * worked to a decision by an approver over approval's HTTP API, a licence for each approved part,
 * a supervision notice for each licence and supervising department — while the harness kill -9s
 * each service in turn (approval running as two instances, so the relay lease changes hands),
 * stops and kill -9s the broker, terminates the services' database sessions and makes PostgreSQL
 * refuse them for a while. Then it counts from the databases what happened once, twice or never.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  countOutcomes,
  settled,
  startAnotherInstance,
  startPlatformProcesses,
  type OutcomeCounts,
  type RunningPlatform,
  type ServiceName,
  type ServiceProcess,
} from '@onewindow/testing';
import { startBroker, type RunningBroker } from '../../tools/kafka/broker';
import { ChaosDatabase } from './chaos-database';
import type { ChaosOptions } from './chaos-options';
import { ApproverDesk } from './approver-desk';
import { AnswerTally, patientCall, sleep } from './http-retry';

export interface FaultsResult {
  /** Applications asked for; `counts.applicationsFiled` says how many were filed (fewer when the run stopped filing at its time limit). */
  applications: number;
  stoppedFilingAtTimeLimit: boolean;
  seconds: number;
  /** Every fault made, in order, with when (seconds from the start) and how long the platform was without it. */
  faults: Array<{ atSeconds: number; fault: string; seconds: number }>;
  /** Rounds of the whole fault sequence completed while applications were flowing. */
  rounds: number;
  /** The platform's answers to the harness's clerk and approvers over the run. */
  answers: { byStatus: Record<string, number>; connectionFailures: number; serverErrors: number; serverErrorSamples: string[] };
  counts: FaultCounts;
  /** Faults the harness could not finish (a broker that would not start again): the run stopped filing there and counted. */
  harnessErrors: string[];
  /** Seconds from the last filing until everything was settled (every case decided, every notice written, outboxes empty). */
  settleSeconds: number;
  passed: boolean;
  failures: string[];
}

/** The counts now live in @onewindow/testing (the scale-out benchmark reads them too); the poison scenario imports them from here. */
export { countOutcomes, settled };
export type FaultCounts = OutcomeCounts;

const DEPARTMENT = 'DCF-ZJJ';

export async function runFaults(options: ChaosOptions, progress: (line: string) => void = () => undefined): Promise<FaultsResult> {
  const database = await ChaosDatabase.open(options.databaseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-chaos-kafka-'));
  let broker: RunningBroker = await startBroker({ dataDir, partitions: 3 });
  let platform: RunningPlatform | null = null;
  let secondApproval: ServiceProcess | null = null;
  const tally = new AnswerTally();
  const faults: FaultsResult['faults'] = [];
  try {
    platform = await startPlatformProcesses({
      databaseUrl: database.servicesUrl,
      kafkaBrokers: broker.brokers,
      label: 'chaos',
      env: { DATABASE_POOL_SIZE: '6', SHUTDOWN_TIMEOUT_MS: String(options.shutdownTimeoutMs), LOG_LEVEL: 'warn' },
    });
    const running = platform;
    // A second approval instance on the same schema: relays share one lease, consumers share the partitions.
    secondApproval = await startAnotherInstance(running, 'approval', 2);
    const second = () => secondApproval;
    const alive = (process: ServiceProcess | null | undefined) =>
      process !== null && process !== undefined && process.child.exitCode === null && process.child.signalCode === null;
    const approvalUrls = () => {
      const urls = [running.processes.get('approval'), second()].filter(alive).map((p) => (p as ServiceProcess).url);
      return urls.length > 0 ? urls : [running.urls.approval];
    };
    const intakeUrls = () => [running.urls.intake];

    const clerk = issueToken({ id: 'chaos-clerk', name: '李受理', role: 'clerk', level: 'district' }, running.secret);
    const approver = issueToken({ id: 'chaos-approver', name: '王审批', role: 'approver', department: DEPARTMENT }, running.secret);
    const started = performance.now();
    const since = () => Math.round((performance.now() - started) / 100) / 10;
    const hardDeadline = Date.now() + Math.max(30 * 60_000, options.applications * 400);

    // --- approvers work the department's queue as it fills: 审查, 审核, then the decision at 批准 ---
    const desk = new ApproverDesk(tally, approvalUrls, approver, options.concurrency, hardDeadline);
    desk.start();

    // --- the clerk files every application (a failure to connect or a 503 is tried again) ---
    let filed = 0;
    let filingDone = false;
    let stopFiling = false;
    const filers = Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let index = worker; index < options.applications; index += options.concurrency) {
        const due = started + (index / options.applications) * options.minFilingSeconds * 1_000;
        if (performance.now() < due) await sleep(due - performance.now());
        // A window of applications in flight: filing stays in step with deciding, so the faults meet the whole loop, not only the window.
        while (filed - desk.decided > options.concurrency * 4) await sleep(100);
        if (stopFiling || (options.stopFilingAt !== undefined && Date.now() > options.stopFilingAt)) break;
        const body = aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${index + 1}建筑工程有限公司` });
        const answer = await patientCall(tally, intakeUrls, 'POST', '/applications', clerk, body, hardDeadline);
        // Anything but 201 is tallied (a 500 fails the goal) and the clerk moves on to the next.
        if (answer.status !== 201) continue;
        filed += 1;
        if (filed % 500 === 0) progress(`faults: ${filed}/${options.applications} filed at ${since()} s`);
      }
    });
    // Settled at once: a failure must not go unhandled while the faults go on; it is rethrown below.
    const filing = Promise.all(filers).then(
      () => {
        filingDone = true;
        return undefined;
      },
      (error: unknown) => {
        filingDone = true;
        return error;
      },
    );

    // --- the faults, in turn, for as long as applications are being filed (at least one round) ---
    const fault = async (name: string, make: () => Promise<void>) => {
      const at = since();
      const from = performance.now();
      progress(`faults: ${name} at ${at} s (${filed} filed, ${desk.decided} decided)`);
      await make();
      faults.push({ atSeconds: at, fault: name, seconds: Math.round((performance.now() - from) / 100) / 10 });
    };
    const restart = async (name: ServiceName) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await running.restart(name);
          return;
        } catch (error) {
          if (attempt >= 5) throw error;
          await sleep(2_000);
        }
      }
    };
    const pause = () => sleep(options.quick ? 1_500 : 5_000);
    // The broker on its port and data directory again; on a loaded machine a start can take minutes.
    const brokerBack = async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          broker = await startBroker({
            dataDir,
            port: broker.port,
            controllerPort: broker.controllerPort,
            partitions: 3,
            readyTimeoutMs: 180_000,
          });
          return;
        } catch (error) {
          await broker.kill().catch(() => undefined);
          if (attempt >= 3) throw error;
        }
      }
    };
    let rounds = 0;
    const harnessErrors: string[] = [];
    try {
      while (rounds === 0 || !filingDone) {
        for (const name of ['intake', 'approval', 'supervision', 'bridge'] as const) {
          await fault(`kill -9 ${name}${name === 'approval' ? ' (the second instance takes the relay lease)' : ''}`, async () => {
            await (running.processes.get(name) as ServiceProcess).kill();
            await sleep(1_000);
            await restart(name);
          });
          await pause();
        }
        await fault(`broker stopped for ${options.brokerDownSeconds} s`, async () => {
          await broker.stop();
          await sleep(options.brokerDownSeconds * 1_000);
          await brokerBack();
        });
        await pause();
        await fault('broker kill -9', async () => {
          await broker.kill();
          await sleep(2_000);
          await brokerBack();
        });
        await pause();
        await fault('database sessions terminated (pg_terminate_backend)', async () => {
          await database.terminateSessions();
        });
        await pause();
        await fault(`PostgreSQL refuses the services for ${options.refuseSeconds} s`, async () => {
          await database.refuseConnections();
          const until = performance.now() + options.refuseSeconds * 1_000;
          // Sessions that slipped in before the limit took hold are ended too.
          while (performance.now() < until) {
            await sleep(1_000);
            await database.terminateSessions();
          }
          await database.allowConnections();
        });
        rounds += 1;
        await pause();
      }
    } catch (error) {
      // The harness could not finish a fault (a broker or service that would not start again): stop
      // filing, bring everything back as far as possible, and still count what happened.
      harnessErrors.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
      stopFiling = true;
      await database.allowConnections().catch(() => undefined);
      if (!broker.isRunning()) await brokerBack().catch((again: unknown) => harnessErrors.push(`broker: ${String(again).split('\n')[0]}`));
      for (const name of ['intake', 'approval', 'supervision', 'bridge'] as const) {
        const process = running.processes.get(name);
        if (!process || process.child.exitCode !== null || process.child.signalCode !== null)
          await restart(name).catch((again: unknown) => harnessErrors.push(`${name}: ${String(again).split('\n')[0]}`));
      }
    }
    const filingError = await filing;
    if (filingError) throw filingError;
    const filedAt = performance.now();
    progress(`faults: all ${options.applications} filed at ${since()} s after ${rounds} rounds; settling`);

    // --- settle: every part has a decided case, every licence its notices, every outbox empty ---
    const settleDeadline = Date.now() + Math.max(10 * 60_000, options.applications * 100);
    let counts = await countOutcomes((sql) => database.query(sql), running.schemas);
    while (Date.now() < settleDeadline && !settled(counts)) {
      await sleep(2_000);
      counts = await countOutcomes((sql) => database.query(sql), running.schemas);
    }
    const settleSeconds = Math.round((performance.now() - filedAt) / 100) / 10;
    await desk.stop();
    const failures = [...harnessErrors.map((e) => `the harness could not finish a fault: ${e}`), ...goalsOf(counts, tally)];
    return {
      applications: options.applications,
      stoppedFilingAtTimeLimit: options.stopFilingAt !== undefined && Date.now() > options.stopFilingAt && filed < options.applications,
      seconds: since(),
      faults,
      rounds,
      answers: {
        byStatus: tally.byStatus,
        connectionFailures: tally.connectionFailures,
        serverErrors: tally.serverErrors,
        serverErrorSamples: tally.serverErrorSamples,
      },
      counts,
      harnessErrors,
      settleSeconds,
      passed: failures.length === 0,
      failures,
    };
  } finally {
    await database.allowConnections().catch(() => undefined);
    if (!broker.isRunning())
      broker = await startBroker({ dataDir, port: broker.port, controllerPort: broker.controllerPort, partitions: 3 }).catch(() => broker);
    await secondApproval?.stop().catch(() => undefined);
    await platform?.stop().catch(() => undefined);
    await broker.stop().catch(() => undefined);
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function goalsOf(c: FaultCounts, tally: AnswerTally): string[] {
  const failures: string[] = [];
  const zero: Array<keyof FaultCounts> = [
    'partsWithoutCase',
    'partsWithSeveralCases',
    'casesUndecided',
    'casesDecidedMoreThanOnce',
    'approvedWithoutLicence',
    'licencesBeyondOnePerApprovedPart',
    'refusedWithLicence',
    'decisionsMissingAtIntake',
    'noticesMissing',
    'noticesDuplicated',
    'unpublishedOutboxRows',
    'refusedOutboxRows',
    'duplicateInboxPairs',
    'deadLetters',
  ];
  for (const name of zero) if (c[name] !== 0) failures.push(`${name}: ${c[name]} (goal 0)`);
  if (tally.serverErrors > 0)
    failures.push(`${tally.serverErrors} answers 500 under faults (goal: 503 with Retry-After), e.g. ${tally.serverErrorSamples[0] ?? ''}`);
  return failures;
}
