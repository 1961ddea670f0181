import { ensureKafkaTopics } from '@onewindow/messaging';
import {
  countOutcomes,
  settled,
  SERVICE_NAMES,
  startAnotherInstance,
  type OutcomeCounts,
  type RunningPlatform,
  type ServiceName,
  type ServiceProcess,
} from '@onewindow/testing';
import { Client } from 'pg';
import { round } from '../measure';
import { CpuAccounting } from './cpu-accounting';
import { benchPipeline, longestGapBetween, type PipelineBenchResult, type PipelineVariant } from './pipeline.bench';

export interface ScaleOutBenchResult {
  instancesPerService: number;
  /** Connections each instance's pool may open: the one-instance run's 10 shared between the instances, so a service holds no more connections than before. */
  databasePoolSizePerInstance: number;
  /** The whole run, from the first filing (one instance each) to the last supervision notice (two each). */
  pipeline: PipelineBenchResult;
  /** The second instances joined while applications flowed, so every consumer group rebalanced under load. */
  join: {
    /** Applications completed when the second instances began to start. */
    afterCompleted: number;
    startedAtMs: number;
    /** When the last of them answered ready, from the first filing. */
    allReadyAtMs: number | null;
    error?: string;
  };
  /** Throughput once every second instance was ready: the figure to set beside the one-instance run. */
  afterJoin: { completed: number; seconds: number; applicationsPerSecond: number } | null;
  /** The longest time without a supervision notice from the moment the second instances began to start: the stall a rebalance costs. */
  longestGapFromJoin: { ms: number; atMs: number } | null;
  /** CPU ms per application by service, both instances together. */
  cpuMsPerApplicationByService?: Record<string, number>;
  /** Effects counted from the services' tables once everything settled: each should happen exactly once. */
  effects: {
    casesOpenedTwice: number;
    casesDecidedTwice: number;
    licencesIssuedTwice: number;
    noticesTwice: number;
    inboxDuplicatePairs: number;
    /** Parts without a case, decisions that never reached intake, notices never written, dead letters: lost when `settled`, still in flight otherwise. */
    lost: number;
    /** Everything in flight reached its end within a minute after the run (false after a run that timed out on a loaded machine). */
    settled: boolean;
    settledSecondsAfterRun: number;
    counts: OutcomeCounts;
    /** Events each service's outbox held per application filed: what its one relay must publish. */
    eventsPerApplicationByService: Record<string, number>;
  } | null;
  /**
   * CPU ms per second each instance spends with nothing to do (polling the outbox, renewing leases,
   * fetching from Kafka), measured for a few seconds after everything settled: the fixed part of the
   * CPU per application, which weighs heavily when few applications pass per second.
   */
  idleCpuMsPerSecond?: Record<string, number>;
  /** The single outbox relay lease (approval's, the busiest outbox): how fast the one relay holding it publishes a backlog. */
  relay: {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    bytesPerEvent: number;
    /** CPU the approval instances (the relay's), PostgreSQL and the broker spent per event published during the drain, idle costs included. */
    cpuMsPerEvent?: Record<string, number>;
  } | null;
}

/** Every connection pool of the one-instance run: split between the instances so the database sees the same number. */
const ONE_INSTANCE_POOL_SIZE = 10;
/** Outbox rows the relay probe queues at once: many batches of the relay's 500. */
const RELAY_PROBE_EVENTS = 5_000;
const RELAY_PROBE_TOPIC = 'bench.relay-probe.v1';

/**
 * The pipeline benchmark with two instances of every service (intake, approval, supervision, bridge)
 * as separate processes: same schema, so one consumer group per service and one outbox relay lease
 * per service shared by its instances. The run starts with one instance each; once a share of the
 * applications has completed the second instances start, one service after another, so each group
 * rebalances while work flows. Filings alternate between the intake instances and the approver's
 * decisions between the approval instances (round robin). Afterwards it counts, from the databases,
 * every effect that happened twice or never, and measures how fast the one relay holding approval's
 * lease publishes a backlog of events.
 */
export async function benchScaleOut(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  applications: number;
  concurrency: number;
  profileDir?: string;
  /** Share of the applications completed before the second instances start (default 0.15). */
  joinAfterShare?: number;
}): Promise<ScaleOutBenchResult> {
  const instances = 2;
  const poolSize = Math.max(2, Math.floor(ONE_INSTANCE_POOL_SIZE / instances));
  const joinAfter = Math.max(1, Math.round(options.applications * (options.joinAfterShare ?? 0.15)));
  const run: { variant?: ScaleOutVariant } = {};
  const pipeline = await benchPipeline({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    applications: options.applications,
    concurrency: options.concurrency,
    env: { DATABASE_POOL_SIZE: String(poolSize) },
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    variant: (platform) => {
      run.variant = new ScaleOutVariant(platform, options.databaseUrl, options.kafkaBrokers, joinAfter, options.profileDir);
      return run.variant.hooks();
    },
  });
  if (!run.variant) throw new Error('the scale-out run never started its platform');
  return run.variant.result(pipeline, instances, poolSize);
}

class ScaleOutVariant {
  private readonly urls: Record<'intake' | 'approval', string[]>;
  private readonly turns = { intake: 0, approval: 0 };
  private readonly extras = new Map<ServiceName, ServiceProcess>();
  private readonly completions: number[] = [];
  /** The first filing, where the pipeline's clock starts. */
  private firstFilingAt: number | null = null;
  private joinStartedAt: number | null = null;
  private allReadyAt: number | null = null;
  private joinError: string | undefined;
  private joining: Promise<void> | null = null;
  private effects: ScaleOutBenchResult['effects'] = null;
  private relay: ScaleOutBenchResult['relay'] = null;
  private idleCpu: Record<string, number> | undefined;

  constructor(
    private readonly platform: RunningPlatform,
    private readonly databaseUrl: string,
    private readonly kafkaBrokers: string,
    private readonly joinAfter: number,
    private readonly profileDir: string | undefined,
  ) {
    this.urls = { intake: [platform.urls.intake], approval: [platform.urls.approval] };
  }

  hooks(): PipelineVariant {
    return {
      nextIntakeUrl: () => this.next('intake'),
      nextApprovalUrl: () => this.next('approval'),
      completed: (count, atMs) => {
        this.completions.push(atMs);
        if (count >= this.joinAfter && this.joining === null) this.joining = this.join();
      },
      moreProcesses: () => Object.fromEntries([...this.extras].map(([name, running]) => [`${name}-2`, running.child.pid ?? -1])),
      beforeStop: async (measured) => {
        try {
          await this.joining;
          if (measured) {
            this.effects = await this.countEffects();
            this.idleCpu = await this.measureIdleCpu();
            this.relay = await this.probeRelay();
          }
        } finally {
          for (const running of this.extras.values()) await running.stop().catch(() => undefined);
        }
      },
    };
  }

  result(pipeline: PipelineBenchResult, instances: number, poolSize: number): ScaleOutBenchResult {
    const started = this.firstFilingAt ?? 0;
    const { joinStartedAt, allReadyAt } = this;
    const afterReady = allReadyAt === null ? [] : this.completions.filter((at) => at >= allReadyAt);
    const fromJoin = joinStartedAt === null ? [] : [joinStartedAt, ...this.completions.filter((at) => at >= joinStartedAt)];
    const gap = fromJoin.length > 1 ? longestGapBetween(fromJoin) : null;
    const afterSeconds = allReadyAt !== null && afterReady.length > 1 ? (Math.max(...afterReady) - allReadyAt) / 1000 : 0;
    return {
      instancesPerService: instances,
      databasePoolSizePerInstance: poolSize,
      pipeline,
      join: {
        afterCompleted: this.joinAfter,
        startedAtMs: joinStartedAt === null ? -1 : round(joinStartedAt - started, 0),
        allReadyAtMs: allReadyAt === null ? null : round(allReadyAt - started, 0),
        ...(this.joinError ? { error: this.joinError } : {}),
      },
      afterJoin:
        afterSeconds > 0
          ? {
              completed: afterReady.length,
              seconds: round(afterSeconds, 2),
              applicationsPerSecond: round(afterReady.length / afterSeconds, 1),
            }
          : null,
      longestGapFromJoin: gap ? { ms: round(gap.ms, 0), atMs: round(gap.at - started, 0) } : null,
      ...(pipeline.cpu ? { cpuMsPerApplicationByService: byService(pipeline.cpu.msPerApplication) } : {}),
      effects: this.effects,
      ...(this.idleCpu ? { idleCpuMsPerSecond: this.idleCpu } : {}),
      relay: this.relay,
    };
  }

  private next(service: 'intake' | 'approval'): string {
    if (service === 'intake' && this.firstFilingAt === null) this.firstFilingAt = performance.now();
    const urls = this.urls[service];
    const url = urls[this.turns[service] % urls.length] ?? this.platform.urls[service];
    this.turns[service] += 1;
    return url;
  }

  /** The second instances, one service after another (each start is a rebalance of its groups); intake's and approval's take their turn at requests once ready. */
  private async join(): Promise<void> {
    this.joinStartedAt = performance.now();
    try {
      for (const name of SERVICE_NAMES) {
        // Under load a new member waits for its group's rebalance, which waits for the busy members' batches: give it time.
        const running = await startAnotherInstance(this.platform, name, 2, {
          readyTimeoutMs: 180_000,
          ...(this.profileDir ? { profileDir: this.profileDir } : {}),
        });
        this.extras.set(name, running);
        if (name === 'intake' || name === 'approval') this.urls[name].push(running.url);
      }
      this.allReadyAt = performance.now();
    } catch (error) {
      this.joinError = error instanceof Error ? error.message : String(error);
    }
  }

  private async measureIdleCpu(): Promise<Record<string, number> | undefined> {
    if (!CpuAccounting.available) return undefined;
    const instances: Record<string, number> = {};
    for (const [name, running] of this.platform.processes) instances[name] = running.child.pid ?? -1;
    for (const [name, running] of this.extras) instances[`${name}-2`] = running.child.pid ?? -1;
    const cpu = new CpuAccounting(instances);
    const seconds = 5;
    cpu.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const spent = cpu.stop();
    return Object.fromEntries(Object.keys(instances).map((name) => [name, round((spent[name] ?? 0) / seconds, 1)]));
  }

  private async countEffects(): Promise<NonNullable<ScaleOutBenchResult['effects']>> {
    return withClient(this.databaseUrl, async (client) => {
      const query = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;
      const from = performance.now();
      const deadline = from + 60_000;
      let counts = await countOutcomes(query, this.platform.schemas);
      while (performance.now() < deadline && !settled(counts)) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        counts = await countOutcomes(query, this.platform.schemas);
      }
      const eventsPerApplicationByService: Record<string, number> = {};
      for (const [service, schema] of Object.entries(this.platform.schemas)) {
        const [row] = await query(`SELECT count(*)::int AS n FROM "${schema}".outbox_message`);
        eventsPerApplicationByService[service] = round(Number(row?.['n'] ?? 0) / Math.max(1, counts.applicationsFiled), 2);
      }
      return {
        casesOpenedTwice: counts.partsWithSeveralCases,
        casesDecidedTwice: counts.casesDecidedMoreThanOnce,
        licencesIssuedTwice: counts.licencesBeyondOnePerApprovedPart,
        noticesTwice: counts.noticesDuplicated,
        inboxDuplicatePairs: counts.duplicateInboxPairs,
        lost: counts.partsWithoutCase + counts.decisionsMissingAtIntake + counts.noticesMissing + counts.deadLetters,
        settled: settled(counts),
        settledSecondsAfterRun: round((performance.now() - from) / 1000, 1),
        counts,
        eventsPerApplicationByService,
      };
    });
  }

  /**
   * Queues a backlog of events in approval's outbox (copies of a real licence.issued envelope, on a
   * topic of their own that no service consumes) and times how fast the relay holding the lease
   * publishes it, from its first published batch to its last (so the poll interval before the first
   * batch does not count).
   */
  private async probeRelay(): Promise<NonNullable<ScaleOutBenchResult['relay']>> {
    await ensureKafkaTopics(this.kafkaBrokers.split(','), [`${this.platform.topicPrefix}${RELAY_PROBE_TOPIC}`], { partitions: 3 });
    const outbox = `"${this.platform.schemas.approval}".outbox_message`;
    return withClient(this.databaseUrl, async (client) => {
      const inserted = await client.query<{ bytes: number }>(
        `INSERT INTO ${outbox} (event_id, topic, message_key, envelope, headers)
         SELECT gen_random_uuid(), $1, md5(g::text), sample.envelope, sample.headers
           FROM generate_series(1, $2::int) g,
                (SELECT envelope, headers FROM ${outbox} WHERE topic = 'approval.licence.issued.v1' ORDER BY id DESC LIMIT 1) sample
         RETURNING octet_length(envelope::text) AS bytes`,
        [RELAY_PROBE_TOPIC, RELAY_PROBE_EVENTS],
      );
      if (inserted.rows.length === 0) throw new Error("no licence.issued event in approval's outbox to copy for the relay probe");
      const approvalInstances: Record<string, number> = { approval: this.platform.processes.get('approval')?.child.pid ?? -1 };
      const secondApproval = this.extras.get('approval');
      if (secondApproval) approvalInstances['approval-2'] = secondApproval.child.pid ?? -1;
      const cpu = CpuAccounting.available ? new CpuAccounting(approvalInstances) : null;
      cpu?.start();
      const deadline = performance.now() + 120_000;
      for (;;) {
        const waiting = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${outbox} WHERE topic = $1 AND published_at IS NULL`,
          [RELAY_PROBE_TOPIC],
        );
        if ((waiting.rows[0]?.n ?? 0) === 0) break;
        if (performance.now() > deadline)
          throw new Error(`approval's relay left ${waiting.rows[0]?.n} probe events unpublished after 120 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const spent = cpu?.stop();
      const timing = await client.query<{ first_batch: number; seconds: number }>(
        `SELECT count(*) FILTER (WHERE published_at = first)::int AS first_batch, extract(epoch FROM max(published_at) - min(published_at))::float8 AS seconds
           FROM ${outbox}, (SELECT min(published_at) AS first FROM ${outbox} WHERE topic = $1) f
          WHERE topic = $1`,
        [RELAY_PROBE_TOPIC],
      );
      const row = timing.rows[0] ?? { first_batch: 0, seconds: 0 };
      // The first batch's publishing time is not in (last − first), so its events are not counted either.
      const events = RELAY_PROBE_EVENTS - row.first_batch;
      const bytesPerEvent = Math.round(inserted.rows.reduce((sum, r) => sum + Number(r.bytes), 0) / inserted.rows.length);
      const cpuMsPerEvent = spent
        ? Object.fromEntries(
            ['approval', 'approval-2', 'postgres', 'kafka']
              .filter((name) => name in spent)
              .map((name) => [name, round((spent[name] ?? 0) / RELAY_PROBE_EVENTS, 3)]),
          )
        : undefined;
      return {
        events: RELAY_PROBE_EVENTS,
        seconds: round(row.seconds, 2),
        eventsPerSecond: row.seconds > 0 ? round(events / row.seconds, 0) : -1,
        bytesPerEvent,
        ...(cpuMsPerEvent ? { cpuMsPerEvent } : {}),
      };
    });
  }
}

/** `intake` and `intake-2` → `intake`: the two instances of a service together. */
function byService(msPerApplication: Record<string, number>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [name, ms] of Object.entries(msPerApplication)) {
    const service = SERVICE_NAMES.find((s) => name === s || name === `${s}-2`) ?? name;
    totals[service] = round((totals[service] ?? 0) + ms, 1);
  }
  return totals;
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
