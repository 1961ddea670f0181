import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { aCreditCode } from '@onewindow/domain/testing';
import type { CaseOpenedV1, EventEnvelope, SupervisionNoticeCreatedV1 } from '@onewindow/contracts';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, decideCase, fileAtWindow, startPlatformProcesses, type RunningPlatform } from '@onewindow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { percentile, round } from '../measure';
import { CpuAccounting } from './cpu-accounting';
import { countRows, seedExistingHistory, type ExistingHistory } from './existing-history';

export interface PipelineBenchResult {
  applications: number;
  /** Applications in flight at once (closed loop: a slot is held from filing to supervision notice). */
  concurrency: number;
  /** Applications per second from the first filing to the last supervision notice. */
  applicationsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Events waiting in every service's outbox, sampled every 500 ms. */
  outboxBacklog: Array<{ atMs: number; waiting: number }>;
  seconds: number;
  completed: number;
  /** Database work per application over the run (pg_stat_database of the whole server, so the floor's idle neighbours count too). */
  perApplication: {
    commits: number;
    rowsWritten: number;
    /** pg_stat_database's tup_returned + tup_fetched: the whole database, so other work on the server (catalogue look-ups, other clients) counts too. */
    rowsRead: number;
    /** Rows read from the services' own tables, by sequential and index scans (pg_stat_user_tables): the platform's own reads. */
    rowsReadFromServiceTables: number;
    rowsWrittenByService: Record<string, number>;
    /** The sum of `rowsWrittenByService` (deltas over the run): the services' own writes, which other clients of a shared server do not blur. */
    rowsWrittenToServiceTables: number;
  };
  /**
   * Where the reads went, per table of the services' schemas (pg_stat_user_tables deltas over the
   * run, per application): sequential scans and the rows they read, index scans. A table whose
   * `seqRowsRead` grows with the table's size is a cost that rises with the district's history.
   */
  tableScans: TableScans[];
  /**
   * Where the writes went, per table of the services' schemas (pg_stat_user_tables n_tup_ins,
   * n_tup_upd and n_tup_del deltas over the run, per application), most rows written first.
   */
  tableWrites: TableWrites[];
  /**
   * CPU milliseconds per application over the run, by process (the services, this driver, every
   * PostgreSQL backend, the Kafka broker, the rest of the machine), and the throughput the machine's
   * cores could give at that cost if nothing else limited it. Absent off Linux.
   */
  cpu?: { msPerApplication: Record<string, number>; totalMsPerApplication: number; cores: number; ceilingApplicationsPerSecond: number };
  /** The longest time between two consecutive supervision notices (a stall: a rebalance, a pause), and when it began, from the first filing. */
  longestGapBetweenCompletions?: { ms: number; atMs: number };
  /** The history in the database before the measured run, when the run was given one (`existingApplications`). */
  existingHistory?: ExistingHistory;
}

/**
 * How a variant of the pipeline run (the scale-out benchmark) takes part, given the started
 * platform: where each filing and decision goes, what happens as applications complete, processes
 * whose CPU counts too, and what to do before the platform stops. Without it: one instance each.
 */
export interface PipelineVariant {
  nextIntakeUrl?: () => string;
  nextApprovalUrl?: () => string;
  /** After each application completes, with the count so far and when (performance.now()). */
  completed?: (count: number, atMs: number) => void;
  /** More processes (started during the run) whose CPU counts under these names. */
  moreProcesses?: () => Record<string, number>;
  /** Always called once the run ends, before the platform stops (its schemas are dropped then); `measured` is false when the run broke. */
  beforeStop?: (measured: boolean) => Promise<void>;
}

/** Applications that go through the pipeline before a history is seeded, to give its rows their real shape. */
const HISTORY_TEMPLATES = 20;

/**
 * N construction-permit applications (建筑工程施工许可) through the four services as separate
 * processes on real Kafka and PostgreSQL: filed at the window (intake), a case opened in 住建局's
 * queue (approval), worked through its steps and approved by an approver (this driver, as soon as
 * the case opens), the licence issued, and the supervising departments told (supervision).
 * Latency: from the filing request to the first supervision notice of that application.
 */
export async function benchPipeline(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  applications: number;
  concurrency: number;
  profileDir?: string;
  /** More environment for every service (default: none). */
  env?: Record<string, string>;
  variant?: (platform: RunningPlatform) => PipelineVariant;
  /** Concluded applications already in the database when the measured run starts (see existing-history.ts). */
  existingApplications?: number;
}): Promise<PipelineBenchResult> {
  const platform = await startPlatformProcesses({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'pipeline',
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const variant = options.variant?.(platform) ?? {};
  let measured = false;
  const kafka = new Kafka({ clientId: 'bench-driver', brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-driver-${randomUUID()}` });
  const sampler = new OutboxSampler(options.databaseUrl, platform);
  try {
    const clerk = issueToken({ id: 'bench-clerk', name: '李受理', role: 'clerk', level: 'district' }, platform.secret);
    const filedAt = new Map<string, number>();
    const done = new Map<string, number>();
    /** The history's template applications: done before the measured run, never counted in it. */
    const templates = new Set<string>();
    const waiting = new Map<string, () => void>();
    const decisions = new Limiter(options.concurrency);
    const decisionErrors: string[] = [];

    await consumer.connect();
    await consumer.subscribe({
      topics: [`${platform.topicPrefix}approval.case.opened.v1`, `${platform.topicPrefix}supervision.notice.created.v1`],
      fromBeginning: true,
    });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, message }) => {
        const envelope = JSON.parse(String(message.value)) as EventEnvelope<unknown>;
        if (topic.endsWith('approval.case.opened.v1')) {
          const opened = envelope.data as CaseOpenedV1;
          const approver = issueToken(
            { id: `approver-${opened.department.code}`, name: '王审批', role: 'approver', department: opened.department.code },
            platform.secret,
          );
          // Decide outside the consumer loop so a slow decision never holds the partition.
          void decisions
            .run(async () => {
              const decided = await decideCase(variant.nextApprovalUrl?.() ?? platform.urls.approval, approver, opened.caseId, {
                outcome: 'approved',
                scope: '房屋建筑工程施工',
              });
              if (decided.status >= 300 && decisionErrors.length < 5)
                decisionErrors.push(`${decided.status} ${JSON.stringify(decided.body)}`);
            })
            .catch((error: unknown) => {
              // A decision still in flight when a timed-out run stops the platform must not crash the whole bench as an unhandled rejection.
              if (decisionErrors.length < 5) decisionErrors.push(error instanceof Error ? error.message : String(error));
            });
        } else {
          const notice = envelope.data as SupervisionNoticeCreatedV1;
          // Every notice on this platform's topics is one of ours; it may even beat the filing's HTTP response.
          if (!done.has(notice.applicationId) && !templates.has(notice.applicationId)) {
            done.set(notice.applicationId, performance.now());
            variant.completed?.(done.size, performance.now());
            waiting.get(notice.applicationId)?.();
          }
        }
      },
    });

    const failures: string[] = [];
    // Closed loop: an application holds its slot from filing until its supervision notice, so the
    // latency is the platform's, not a queue in front of it that the benchmark itself built up.
    const inFlight = new Limiter(options.concurrency);
    const fileApplications = (count: number, firstIndex: number) =>
      Promise.all(
        Array.from({ length: count }, (_, offset) =>
          inFlight.run(async () => {
            const at = performance.now();
            const response = await fileAtWindow(
              variant.nextIntakeUrl?.() ?? platform.urls.intake,
              clerk,
              aConstructionPermitFiling({
                creditCode: aCreditCode(),
                companyName: `聊城市东昌府区第${firstIndex + offset + 1}建筑工程有限公司`,
              }),
            );
            if (response.status !== 201) {
              failures.push(`${response.status} ${await response.text()}`);
              return;
            }
            const id = ((await response.json()) as { id: string }).id;
            filedAt.set(id, at);
            if (!done.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
          }),
        ),
      );

    let existingHistory: ExistingHistory | undefined;
    if (options.existingApplications) {
      const countsBeforeTemplates = await countRows(options.databaseUrl, platform.schemas);
      await fileApplications(HISTORY_TEMPLATES, options.applications);
      // The templates' last events (the monitoring of their notices) settle before their rows are copied.
      await sleep(5000);
      for (const id of done.keys()) templates.add(id);
      done.clear();
      filedAt.clear();
      existingHistory = await seedExistingHistory({
        databaseUrl: options.databaseUrl,
        schemas: platform.schemas,
        applications: options.existingApplications,
        templates: templates.size,
        countsBeforeTemplates,
      });
    }

    const statsBefore = await sampler.databaseStats();
    const tablesBefore = await sampler.tableActivity();
    const cpu = CpuAccounting.available
      ? new CpuAccounting({
          driver: process.pid,
          ...Object.fromEntries([...platform.processes].map(([name, running]) => [name, running.child.pid as number])),
        })
      : null;
    cpu?.start();
    sampler.start();
    const started = performance.now();
    const everyApplication = fileApplications(options.applications, 0);
    const timedOut = await Promise.race([
      everyApplication.then(() => false),
      sleep(Math.max(120_000, options.applications * 100)).then(() => true),
    ]);
    if (failures.length > 0) throw new Error(`${failures.length} filings failed, e.g. ${failures[0]}`);
    const finished = performance.now();
    const cpuByProcess = cpu?.stop(variant.moreProcesses?.());
    sampler.stop();
    // Backends report their statistics about once a second.
    await sleep(1500);
    const statsAfter = await sampler.databaseStats();
    const tablesAfter = await sampler.tableActivity();
    const writesByService = rowsWrittenByService(tablesBefore, tablesAfter, Object.keys(platform.schemas));
    const tableScans = tableScansPerApplication(tablesBefore, tablesAfter, done.size);
    const tableWrites = tableWritesPerApplication(tablesBefore, tablesAfter, done.size);
    if (timedOut && done.size === 0)
      throw new Error(
        `no application reached supervision; decisions said: ${decisionErrors.join(' | ') || 'nothing'}; logs in ${platform.logs}`,
      );
    const latencies = [...done.entries()].filter(([id]) => filedAt.has(id)).map(([id, at]) => at - (filedAt.get(id) as number));
    const last = Math.max(...done.values());
    const longestGap = longestGapBetween([started, ...done.values()]);
    const seconds = ((timedOut ? finished : last) - started) / 1000;
    const result: PipelineBenchResult = {
      applications: options.applications,
      concurrency: options.concurrency,
      applicationsPerSecond: round(done.size / seconds, 1),
      latencyMs: {
        p50: round(percentile(latencies, 50), 0),
        p95: round(percentile(latencies, 95), 0),
        p99: round(percentile(latencies, 99), 0),
        max: round(Math.max(...latencies), 0),
      },
      outboxBacklog: sampler.samples.map((s) => ({ atMs: round(s.atMs - started, 0), waiting: s.waiting })),
      seconds: round(seconds, 2),
      completed: done.size,
      perApplication: {
        commits: round((statsAfter.commits - statsBefore.commits) / done.size, 1),
        rowsWritten: round((statsAfter.written - statsBefore.written) / done.size, 1),
        rowsRead: round((statsAfter.read - statsBefore.read) / done.size, 1),
        rowsReadFromServiceTables: round(
          tableScans.reduce((sum, t) => sum + t.seqRowsRead + t.indexRowsFetched, 0),
          1,
        ),
        rowsWrittenByService: Object.fromEntries(
          Object.entries(writesByService).map(([service, rows]) => [service, round(rows / done.size, 1)]),
        ),
        rowsWrittenToServiceTables: round(Object.values(writesByService).reduce((sum, rows) => sum + rows, 0) / done.size, 1),
      },
      tableScans,
      tableWrites,
      ...(cpuByProcess ? { cpu: cpuPerApplication(cpuByProcess, done.size) } : {}),
      longestGapBetweenCompletions: { ms: round(longestGap.ms, 0), atMs: round(longestGap.at - started, 0) },
      ...(existingHistory ? { existingHistory } : {}),
    };
    measured = true;
    return result;
  } finally {
    sampler.stop();
    try {
      await variant.beforeStop?.(measured);
    } catch (error) {
      // After a broken run, the run's own error is the one worth reporting.
      if (measured) throw error;
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await sampler.close();
      await platform.stop();
    }
  }
}

function cpuPerApplication(byProcess: Record<string, number>, completed: number): NonNullable<PipelineBenchResult['cpu']> {
  const msPerApplication = Object.fromEntries(Object.entries(byProcess).map(([name, ms]) => [name, round(ms / completed, 1)]));
  const total = Object.values(byProcess).reduce((sum, ms) => sum + ms, 0) / completed;
  const cores = availableParallelism();
  return {
    msPerApplication,
    totalMsPerApplication: round(total, 1),
    cores,
    ceilingApplicationsPerSecond: round((cores * 1000) / total, 1),
  };
}

export interface TableScans {
  table: string;
  seqScans: number;
  seqRowsRead: number;
  indexScans: number;
  indexRowsFetched: number;
}

export interface TableWrites {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

interface TableCounters {
  seqScans: number;
  seqRowsRead: number;
  indexScans: number;
  indexRowsFetched: number;
  inserted: number;
  updated: number;
  deleted: number;
}

type TableActivity = Map<string, TableCounters>;

/** Rows inserted, updated and deleted in each service's tables over the run (a seeded history is not counted). */
function rowsWrittenByService(before: TableActivity, after: TableActivity, services: string[]): Record<string, number> {
  const written: Record<string, number> = Object.fromEntries(services.map((service) => [service, 0]));
  for (const [table, end] of after) {
    const start = before.get(table);
    const service = table.slice(0, table.indexOf('.'));
    written[service] =
      (written[service] ?? 0) +
      end.inserted +
      end.updated +
      end.deleted -
      ((start?.inserted ?? 0) + (start?.updated ?? 0) + (start?.deleted ?? 0));
  }
  return written;
}

/** Tables written during the run, most rows written first; counts per application. */
export function tableWritesPerApplication(before: TableActivity, after: TableActivity, completed: number): TableWrites[] {
  const rows: TableWrites[] = [];
  for (const [table, end] of after) {
    const start = before.get(table);
    const inserted = end.inserted - (start?.inserted ?? 0);
    const updated = end.updated - (start?.updated ?? 0);
    const deleted = end.deleted - (start?.deleted ?? 0);
    if (inserted + updated + deleted === 0) continue;
    rows.push({
      table,
      inserted: round(inserted / completed, 2),
      updated: round(updated / completed, 2),
      deleted: round(deleted / completed, 2),
    });
  }
  return rows.sort((a, b) => b.inserted + b.updated + b.deleted - (a.inserted + a.updated + a.deleted));
}

/** Tables that were read during the run, most rows read by sequential scans first; counts per application. */
export function tableScansPerApplication(before: TableActivity, after: TableActivity, completed: number): TableScans[] {
  const rows: TableScans[] = [];
  for (const [table, end] of after) {
    const start = before.get(table) ?? {
      seqScans: 0,
      seqRowsRead: 0,
      indexScans: 0,
      indexRowsFetched: 0,
      inserted: 0,
      updated: 0,
      deleted: 0,
    };
    const delta = {
      seqScans: end.seqScans - start.seqScans,
      seqRowsRead: end.seqRowsRead - start.seqRowsRead,
      indexScans: end.indexScans - start.indexScans,
      indexRowsFetched: end.indexRowsFetched - start.indexRowsFetched,
    };
    if (delta.seqScans === 0 && delta.indexScans === 0) continue;
    rows.push({
      table,
      seqScans: round(delta.seqScans / completed, 2),
      seqRowsRead: round(delta.seqRowsRead / completed, 1),
      indexScans: round(delta.indexScans / completed, 2),
      indexRowsFetched: round(delta.indexRowsFetched / completed, 1),
    });
  }
  return rows.sort((a, b) => b.seqRowsRead + b.indexRowsFetched - (a.seqRowsRead + a.indexRowsFetched) || b.seqScans - a.seqScans);
}

/** The longest interval between consecutive moments (in any order), and where it began. */
export function longestGapBetween(moments: number[]): { ms: number; at: number } {
  const sorted = [...moments].sort((a, b) => a - b);
  let longest = { ms: 0, at: sorted[0] ?? 0 };
  for (let i = 1; i < sorted.length; i += 1) {
    const ms = (sorted[i] as number) - (sorted[i - 1] as number);
    if (ms > longest.ms) longest = { ms, at: sorted[i - 1] as number };
  }
  return longest;
}

/** Runs at most `limit` tasks at once. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

class OutboxSampler {
  readonly samples: Array<{ atMs: number; waiting: number }> = [];
  private readonly client: Client;
  private timer: NodeJS.Timeout | null = null;
  private connected: Promise<void>;

  constructor(
    databaseUrl: string,
    private readonly platform: RunningPlatform,
  ) {
    this.client = new Client({ connectionString: databaseUrl });
    this.connected = this.client.connect().then(() => undefined);
  }

  start(): void {
    const sql = Object.values(this.platform.schemas)
      .map((schema) => `SELECT count(*)::int AS n FROM "${schema}".outbox_message WHERE published_at IS NULL`)
      .join(' UNION ALL ');
    const sample = async () => {
      await this.connected;
      const rows = (await this.client.query<{ n: number }>(sql)).rows;
      this.samples.push({ atMs: performance.now(), waiting: rows.reduce((sum, row) => sum + row.n, 0) });
    };
    this.timer = setInterval(() => void sample().catch(() => undefined), 500);
  }

  async databaseStats(): Promise<{ commits: number; written: number; read: number }> {
    await this.connected;
    const { rows } = await this.client.query<{ commits: string; written: string; read: string }>(
      `SELECT xact_commit AS commits, tup_inserted + tup_updated + tup_deleted AS written, tup_returned + tup_fetched AS read
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0] as { commits: string; written: string; read: string };
    return { commits: Number(row.commits), written: Number(row.written), read: Number(row.read) };
  }

  /** Scans of every table in the services' schemas since the statistics were last reset. */
  async tableActivity(): Promise<TableActivity> {
    await this.connected;
    const activity: TableActivity = new Map();
    for (const [service, schema] of Object.entries(this.platform.schemas)) {
      const { rows } = await this.client.query<{
        name: string;
        seq_scan: string;
        seq_tup_read: string;
        idx_scan: string | null;
        idx_tup_fetch: string | null;
        n_tup_ins: string;
        n_tup_upd: string;
        n_tup_del: string;
      }>(
        `SELECT relname AS name, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE schemaname = $1`,
        [schema],
      );
      for (const row of rows) {
        activity.set(`${service}.${row.name}`, {
          seqScans: Number(row.seq_scan),
          seqRowsRead: Number(row.seq_tup_read),
          indexScans: Number(row.idx_scan ?? 0),
          indexRowsFetched: Number(row.idx_tup_fetch ?? 0),
          inserted: Number(row.n_tup_ins),
          updated: Number(row.n_tup_upd),
          deleted: Number(row.n_tup_del),
        });
      }
    }
    return activity;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    await this.connected.catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
