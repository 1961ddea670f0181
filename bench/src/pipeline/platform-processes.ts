import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess } from '@onewindow/testing';
import { Client } from 'pg';
import { findFreePort } from '../../../tools/kafka/broker';

export const SERVICE_NAMES = ['intake', 'approval', 'supervision', 'bridge'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface RunningPlatform {
  urls: Record<ServiceName, string>;
  processes: Map<ServiceName, ServiceProcess>;
  schemas: Record<ServiceName, string>;
  topicPrefix: string;
  secret: string;
  logs: string;
  stop(): Promise<void>;
}

/** The four built services as separate OS processes (`node dist/<svc>/main.js serve`), each with its own schema, on one broker. */
export async function startPlatformProcesses(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  label: string;
  /** Write a V8 CPU profile of every service here when it stops (BENCH_PROFILE_DIR), to find the largest costs. */
  profileDir?: string;
  /** Start only these (default: all four). */
  only?: readonly ServiceName[];
}): Promise<RunningPlatform> {
  const suffix = randomBytes(3).toString('hex');
  const secret = randomBytes(24).toString('hex');
  const topicPrefix = `bench${suffix}-${options.label}.`;
  const logs = mkdtempSync(join(tmpdir(), `onewindow-bench-${options.label}-`));
  const processes = new Map<ServiceName, ServiceProcess>();
  const urls = {} as Record<ServiceName, string>;
  const schemas = {} as Record<ServiceName, string>;
  const stop = async () => {
    for (const running of [...processes.values()].reverse()) await running.stop();
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
      schemas[name] = `bench_${name}_${suffix}`;
      const running = await startServiceProcess(
        name,
        {
          NODE_ENV: 'production',
          AUTH_TOKEN_SECRET: secret,
          HTTP_PORT: String(await findFreePort()),
          DATABASE_URL: options.databaseUrl,
          DATABASE_SCHEMA: schemas[name],
          KAFKA_BROKERS: options.kafkaBrokers,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          LOG_LEVEL: 'warn',
          // The catalogue and the approvers' workflow are demo data: the benchmark files real items.
          SEED_DEMO_DATA: 'true',
        },
        join(logs, `${name}.log`),
        options.profileDir ? { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, name)}`] } : {},
      );
      processes.set(name, running);
      urls[name] = running.url;
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { urls, processes, schemas, topicPrefix, secret, logs, stop };
}
