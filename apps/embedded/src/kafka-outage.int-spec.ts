/**
 * Nothing lost, nothing twice: applications accepted while Kafka is down wait in intake's outbox
 * and reach approval once the broker is back; everything delivered again has no second effect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { aConstructionPermitFiling, eventually, fileAtWindow, testDatabaseUrl } from '@onewindow/testing';
import { startBroker, type RunningBroker } from '../../../tools/kafka/broker';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

const secret = DEVELOPMENT_TOKEN_SECRET;
const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk' }, secret);

describe('a Kafka outage', () => {
  let broker: RunningBroker;
  let platform: TestPlatform;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'onewindow-outage-kafka-'));
    broker = await startBroker({ dataDir });
    platform = await startServicesForTest({
      label: 'outage',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: broker.brokers,
      only: ['intake', 'approval'],
    });
  });

  afterAll(async () => {
    // A failed assertion may leave the broker stopped; the services need it back to shut down.
    if (broker && !broker.isRunning()) broker = await startBroker({ dataDir, port: broker.port, controllerPort: broker.controllerPort });
    await platform?.stop();
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses none of 100 applications accepted while the broker is down, and opens each case once', async () => {
    await broker.stop();

    const accepted: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const response = await fileAtWindow(
        platform.urls.intake,
        clerk,
        aConstructionPermitFiling({ creditCode: aCreditCode(), companyName: `聊城市东昌府区第${i + 1}建筑工程有限公司` }),
      );
      expect(response.status).toBe(201);
      accepted.push(((await response.json()) as { id: string }).id);
    }
    // Each application waits as its received and its accepted event.
    expect(await waitingInOutbox('intake.application.accepted.v1')).toBe(100);
    expect(await waitingInOutbox('intake.application.received.v1')).toBe(100);
    expect(await caseCount()).toBe(0);

    broker = await startBroker({ dataDir, port: broker.port, controllerPort: broker.controllerPort });

    await eventually(async () => expect(await caseCount()).toBe(100), { timeoutMs: 90_000, description: '100 cases at approval' });
    const approval = platform.services.approval.dataSource;
    const schema = (approval.options as { schema: string }).schema;
    const perApplication = await approval.query(
      `SELECT application_id, count(*)::int AS cases FROM "${schema}".approval_case GROUP BY application_id`,
    );
    expect(perApplication).toHaveLength(100);
    expect(perApplication.every((row: { cases: number }) => row.cases === 1)).toBe(true);
    expect(new Set(perApplication.map((row: { application_id: string }) => row.application_id))).toEqual(new Set(accepted));
    await eventually(async () => expect(await platform.services.intake.messaging.outboxBacklog()).toBe(0));
  });

  it('gives every event delivered a second time no second effect', async () => {
    const before = await caseCount();
    const intake = platform.services.intake.dataSource;
    const schema = (intake.options as { schema: string }).schema;
    // Publish every accepted application again, as a relay that crashed before marking would.
    const { 1: republished } = await intake.query(`UPDATE "${schema}".outbox_message SET published_at = NULL`);
    expect(republished).toBeGreaterThanOrEqual(200);
    await eventually(async () => expect(await platform.services.intake.messaging.outboxBacklog()).toBe(0));
    const approval = platform.services.approval.dataSource;
    const approvalSchema = (approval.options as { schema: string }).schema;
    await eventually(async () => {
      const [{ duplicates }] = await approval.query(
        `SELECT count(*)::int AS duplicates FROM "${approvalSchema}".processed_event WHERE consumer = 'approval.open-cases-when-application-accepted'`,
      );
      expect(duplicates).toBe(before);
      // The consumer has caught up with the end of its partitions: every redelivery was seen.
      const lag = await platform.services.approval.messaging.consumerLag();
      expect(lag).toBe(0);
    });
    expect(await caseCount()).toBe(before);
  });

  async function waitingInOutbox(topic: string): Promise<number> {
    const intake = platform.services.intake.dataSource;
    const schema = (intake.options as { schema: string }).schema;
    const [{ count }] = await intake.query(
      `SELECT count(*)::int AS count FROM "${schema}".outbox_message WHERE published_at IS NULL AND topic = $1`,
      [topic],
    );
    return count;
  }

  async function caseCount(): Promise<number> {
    const approval = platform.services.approval.dataSource;
    const schema = (approval.options as { schema: string }).schema;
    const [{ count }] = await approval.query(`SELECT count(*)::int AS count FROM "${schema}".approval_case`);
    return count;
  }
});
