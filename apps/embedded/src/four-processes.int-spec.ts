/**
 * How operators deploy OneWindow: the four services as separate OS processes (the built
 * `dist/<service>/main.js`) on a real Kafka broker and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aCreditCode } from '@onewindow/domain';
import { issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, eventually, fileAtWindow, type ServiceProcess, startServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { Client } from 'pg';
import { findFreePort } from '../../../tools/kafka/broker';
import { runDemo } from './demo-walkthrough';

const secret = 'four-process-test-secret-0123456789abcdef';
const services = ['intake', 'approval', 'supervision', 'bridge'] as const;

describe('the four services as separate processes', () => {
  const suffix = randomBytes(3).toString('hex');
  const logs = mkdtempSync(join(tmpdir(), 'onewindow-processes-'));
  const running = new Map<string, ServiceProcess>();
  const envs = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    for (const name of services) {
      const env = {
        NODE_ENV: 'production',
        AUTH_TOKEN_SECRET: secret,
        HTTP_PORT: String(await findFreePort()),
        DATABASE_URL: testDatabaseUrl(),
        DATABASE_SCHEMA: `t_${name}_${suffix}`,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_TOPIC_PREFIX: `t${suffix}-processes.`,
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_INTERVAL_MS: '50',
        SEED_DEMO_DATA: name === 'intake' ? 'true' : 'false',
      };
      envs.set(name, env);
      running.set(name, await startServiceProcess(name, env, join(logs, `${name}.log`)));
    }
  });

  afterAll(async () => {
    for (const process of running.values()) await process.stop();
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    for (const env of envs.values()) await client.query(`DROP SCHEMA IF EXISTS "${env['DATABASE_SCHEMA']}" CASCADE`);
    await client.end();
  });

  const url = (name: string) => (running.get(name) as ServiceProcess).url;

  it('runs the main path across the four processes', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runDemo({ intake: url('intake'), approval: url('approval'), supervision: url('supervision') }, secret);
    } finally {
      write.mockRestore();
    }
  });

  it('loses nothing and applies nothing twice when the approval process is killed mid-stream', async () => {
    const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk' }, secret);
    const total = 150;
    const before = await countCases();
    let killedAt: number | null = null;
    for (let i = 0; i < total; i += 1) {
      const response = await fileAtWindow(url('intake'), clerk, aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${i + 1}商贸有限公司` }));
      expect(response.status).toBe(201);
      if (killedAt === null && i >= total / 3 && (await countCases()) > before) {
        await (running.get('approval') as ServiceProcess).kill();
        killedAt = (await countCases()) - before;
      }
    }
    expect(killedAt).not.toBeNull();
    expect(killedAt).toBeLessThan(total);

    running.set('approval', await startServiceProcess('approval', envs.get('approval') as Record<string, string>, join(logs, 'approval.log')));

    await eventually(async () => expect((await countCases()) - before).toBe(total), { timeoutMs: 120_000, description: `${total} cases` });
    const perApplication = await query(
      `SELECT application_id, count(*)::int AS cases FROM "${schema('approval')}".approval_case WHERE item_code = 'DCF-ZJ-XK-011' GROUP BY application_id`,
    );
    expect(perApplication).toHaveLength(total);
    expect(perApplication.filter((row) => (row as { cases: number }).cases !== 1)).toEqual([]);
    // A half-done transaction killed with the process was rolled back, not dead-lettered.
    expect(await query(`SELECT id FROM "${schema('approval')}".dead_letter`)).toEqual([]);
  });

  function schema(name: string): string {
    return (envs.get(name) as Record<string, string>)['DATABASE_SCHEMA'] as string;
  }

  async function countCases(): Promise<number> {
    const [row] = await query(`SELECT count(*)::int AS count FROM "${schema('approval')}".approval_case`);
    return (row as { count: number }).count;
  }

  async function query(sql: string): Promise<unknown[]> {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
});
