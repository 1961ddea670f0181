/**
 * How operators deploy OneWindow: the four services as separate OS processes (the built
 * `dist/<service>/main.js`) on a real Kafka broker and PostgreSQL.
 */
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  eventually,
  fileAtWindow,
  startPlatformProcesses,
  testDatabaseUrl,
  testKafkaBrokers,
  type RunningPlatform,
  type ServiceName,
  type ServiceProcess,
} from '@onewindow/testing';
import { Client } from 'pg';
import { runDemo } from './demo-walkthrough';

const secret = 'four-process-test-secret-0123456789abcdef';

describe('the four services as separate processes', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatformProcesses({
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      label: 'processes',
      secret,
      seedDemoData: ['intake'],
      env: { OUTBOX_POLL_INTERVAL_MS: '50' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const url = (name: ServiceName) => platform.urls[name];

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
      const response = await fileAtWindow(
        url('intake'),
        clerk,
        aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${i + 1}商贸有限公司` }),
      );
      expect(response.status).toBe(201);
      if (killedAt === null && i >= total / 3 && (await countCases()) > before) {
        await (platform.processes.get('approval') as ServiceProcess).kill();
        killedAt = (await countCases()) - before;
      }
    }
    expect(killedAt).not.toBeNull();
    expect(killedAt).toBeLessThan(total);

    await platform.restart('approval');

    await eventually(async () => expect((await countCases()) - before).toBe(total), { timeoutMs: 120_000, description: `${total} cases` });
    const perApplication = await query(
      `SELECT application_id, count(*)::int AS cases FROM "${schema('approval')}".approval_case WHERE item_code = 'DCF-ZJ-XK-012' GROUP BY application_id`,
    );
    expect(perApplication).toHaveLength(total);
    expect(perApplication.filter((row) => (row as { cases: number }).cases !== 1)).toEqual([]);
    // A half-done transaction killed with the process was rolled back, not dead-lettered.
    expect(await query(`SELECT id FROM "${schema('approval')}".dead_letter`)).toEqual([]);
  });

  function schema(name: ServiceName): string {
    return platform.schemas[name];
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
