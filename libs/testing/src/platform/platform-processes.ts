import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { Client } from 'pg';
import { findFreePort } from '../../../../tools/kafka/broker';

export const SERVICE_NAMES = ['intake', 'approval', 'supervision', 'bridge'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface RunningPlatform {
  urls: Record<ServiceName, string>;
  processes: Map<ServiceName, ServiceProcess>;
  schemas: Record<ServiceName, string>;
  topicPrefix: string;
  secret: string;
  logs: string;
  /** The environment each service was started with. */
  envs: Map<ServiceName, Record<string, string>>;
  /** Starts a service again (after a kill or stop) with its environment and log. */
  restart(name: ServiceName): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The four built services as separate OS processes (`node dist/<svc>/main.js serve`), each with its
 * own schema, on one broker — how operators deploy them; used by the process tests and the benchmarks.
 */
export async function startPlatformProcesses(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  label: string;
  /** Token secret shared by the services (default: a random one). */
  secret?: string;
  /** Services that load the demo catalogue and approvers (default: all). */
  seedDemoData?: readonly ServiceName[];
  /** More environment for every service. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile of every service here when it stops (BENCH_PROFILE_DIR), to find the largest costs. */
  profileDir?: string;
  /** Start only these (default: all four). */
  only?: readonly ServiceName[];
}): Promise<RunningPlatform> {
  const suffix = randomBytes(3).toString('hex');
  const secret = options.secret ?? randomBytes(24).toString('hex');
  const topicPrefix = `p${suffix}-${options.label}.`;
  const logs = mkdtempSync(join(tmpdir(), `onewindow-${options.label}-`));
  const envs = new Map<ServiceName, Record<string, string>>();
  const processes = new Map<ServiceName, ServiceProcess>();
  const urls = {} as Record<ServiceName, string>;
  const schemas = {} as Record<ServiceName, string>;
  const launch = async (name: ServiceName) => {
    const running = await startServiceProcess(
      name,
      envs.get(name) as Record<string, string>,
      join(logs, `${name}.log`),
      options.profileDir ? { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, name)}`] } : {},
    );
    processes.set(name, running);
    urls[name] = running.url;
    return running;
  };
  const stop = async () => {
    for (const running of [...processes.values()].reverse())
      if (running.child.exitCode === null && running.child.signalCode === null) await running.stop();
    const client = new Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  };
  try {
    for (const name of options.only ?? SERVICE_NAMES) {
      schemas[name] = `p_${options.label}_${name}_${suffix}`;
      envs.set(name, {
        NODE_ENV: 'production',
        AUTH_TOKEN_SECRET: secret,
        HTTP_PORT: String(await findFreePort()),
        DATABASE_URL: options.databaseUrl,
        DATABASE_SCHEMA: schemas[name],
        KAFKA_BROKERS: options.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: String((options.seedDemoData ?? SERVICE_NAMES).includes(name)),
        ...options.env,
      });
      await launch(name);
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { urls, processes, schemas, topicPrefix, secret, logs, envs, restart: launch, stop };
}
