/**
 * Graceful shutdown of a built service process under keep-alive load: on SIGTERM it stops
 * accepting (every later response says `Connection: close`), finishes the requests in flight, and
 * only then stops the consumer and flushes the outbox, so nothing committed stays unpublished.
 */
import { Agent, request } from 'node:http';
import { aCreditCode } from '@onewindow/domain/testing';
import { issueToken } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  startPlatformProcesses,
  testDatabaseUrl,
  testKafkaBrokers,
  type RunningPlatform,
  type ServiceProcess,
} from '@onewindow/testing';
import { Client } from 'pg';

const secret = 'shutdown-test-secret-0123456789abcdef0123';
const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk' }, secret);
const SHUTDOWN_TIMEOUT_MS = 10_000;

interface Outcome {
  startedAfterSignal: boolean;
  status?: number;
  connection?: string;
  error?: string;
}

/** One filing over the keep-alive agent. */
function file(url: string, agent: Agent, index: number): Promise<{ status: number; connection: string | undefined }> {
  const body = JSON.stringify(
    aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${index}建筑工程有限公司` }),
  );
  return new Promise((resolve, reject) => {
    const call = request(
      `${url}/applications`,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

describe('a service stopped under keep-alive load', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatformProcesses({
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      label: 'shutdown',
      secret,
      only: ['intake'],
      seedDemoData: ['intake'],
      env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function countApplications(): Promise<number> {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS count FROM "${platform.schemas.intake}".application`);
      return (rows[0] as { count: number }).count;
    } finally {
      await client.end();
    }
  }

  it('finishes the requests in flight, closes keep-alive connections and publishes everything committed', async () => {
    const intake = platform.processes.get('intake') as ServiceProcess;
    const applicationsBefore = await countApplications();
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: Outcome[] = [];
    let signalled = false;
    let served = 0;
    let next = 0;
    let signalledResolve: () => void = () => undefined;
    const enoughServed = new Promise<void>((resolve) => (signalledResolve = resolve));
    const worker = async () => {
      for (;;) {
        const startedAfterSignal = signalled;
        try {
          const answer = await file(platform.urls.intake, agent, (next += 1));
          outcomes.push({ startedAfterSignal, status: answer.status, ...(answer.connection ? { connection: answer.connection } : {}) });
          served += 1;
          if (served === 40) signalledResolve();
        } catch (error) {
          outcomes.push({ startedAfterSignal, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
          if (signalled) return;
        }
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    await enoughServed;
    signalled = true;
    const signalledAt = Date.now();
    const exitCode = await intake.stop();
    const stoppedWithin = Date.now() - signalledAt;
    await Promise.all(workers);
    agent.destroy();

    expect(exitCode).toBe(0);
    expect(stoppedWithin).toBeLessThan(3 * SHUTDOWN_TIMEOUT_MS);
    // In flight at the signal: every one answered.
    const before = outcomes.filter((o) => !o.startedAfterSignal);
    expect(before.every((o) => o.status === 201)).toBe(true);
    // Served while draining: each told the client to close its connection.
    const after = outcomes.filter((o) => o.startedAfterSignal && o.status !== undefined);
    expect(after.every((o) => o.status === 201 && o.connection === 'close')).toBe(true);

    const accepted = outcomes.filter((o) => o.status === 201).length;
    expect((await countApplications()) - applicationsBefore).toBe(accepted);
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const schema = platform.schemas.intake;
      const [{ waiting }] = (
        await client.query(`SELECT count(*)::int AS waiting FROM "${schema}".outbox_message WHERE published_at IS NULL`)
      ).rows as [{ waiting: number }];
      // Nothing committed before the process let go stays unpublished until the next start.
      expect(waiting).toBe(0);
    } finally {
      await client.end();
    }
  });
});
