/**
 * The walking skeleton, end to end over real Kafka and PostgreSQL: intake accepts → approval
 * opens a case per department → approvers approve → supervision notifies the supervising
 * departments → intake sees the decision.
 */
import { aCreditCode } from '@onewindow/domain';
import { issueToken } from '@onewindow/platform';
import { testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { runDemo } from './demo-walkthrough';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

const secret = 'onewindow-development-secret-do-not-use-in-production';

describe.each([
  ['real Kafka', true],
  ['the in-process bus', false],
])('the main path over %s', (_label, overKafka) => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: overKafka ? 'skeleton-kafka' : 'skeleton-bus',
      databaseUrl: testDatabaseUrl(),
      ...(overKafka ? { kafkaBrokers: testKafkaBrokers().join(',') } : {}),
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes an application from the window through approval to supervision and back', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runDemo(platform.urls, secret);
    } finally {
      write.mockRestore();
    }
    const intake = platform.services.intake.dataSource;
    const [application] = await intake.query(`SELECT id, status, outcome FROM "${schemaOf(intake)}".application`);
    expect(application).toMatchObject({ status: 'decided', outcome: 'approved' });
    const parts = await intake.query(`SELECT status, licence_number FROM "${schemaOf(intake)}".application_part ORDER BY licence_number`);
    expect(parts).toEqual([
      { status: 'approved', licence_number: expect.stringMatching(/^DCF-SCJGJ-\d{4}-000001$/) },
      { status: 'approved', licence_number: expect.stringMatching(/^DCF-WJW-\d{4}-000001$/) },
    ]);
    const supervision = platform.services.supervision.dataSource;
    const notices = await supervision.query(
      `SELECT department_code, status FROM "${schemaOf(supervision)}".supervision_notice WHERE application_id = $1 ORDER BY department_code, licence_number`,
      [application.id],
    );
    // 食品经营许可 is supervised by 市场监管 and 卫健委; 公共场所卫生许可 by 卫健委 (acknowledged in the walkthrough).
    expect(notices.map((n: { department_code: string }) => n.department_code)).toEqual(['DCF-SCJGJ', 'DCF-WJW', 'DCF-WJW']);
    expect(notices.filter((n: { status: string }) => n.status === 'acknowledged')).toHaveLength(1);
  });

  it('hides one department\'s cases from another department\'s approver in every endpoint', async () => {
    const clerk = issueToken({ id: 'c1', name: '李受理', role: 'clerk' }, secret);
    const accepted = await post(`${platform.urls.intake}/applications`, clerk, {
      itemCodes: ['DCF-SCJG-XK-001'],
      channel: 'online',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aCreditCode() },
    });
    expect(accepted.status).toBe(201);
    const owner = issueToken({ id: 'a1', name: '王审批', role: 'approver', department: 'DCF-SCJGJ' }, secret);
    const stranger = issueToken({ id: 'a2', name: '张审批', role: 'approver', department: 'DCF-WJW' }, secret);
    const partId = (accepted.body['parts'] as Array<{ id: string }>)[0]?.id;
    const ownCase = await eventuallyFind(`${platform.urls.approval}/cases?pageSize=100`, owner, (c) => c['partId'] === partId);

    const strangerQueue = await get(`${platform.urls.approval}/cases?pageSize=100`, stranger);
    expect((strangerQueue.body['items'] as Array<{ id: string }>).map((c) => c.id)).not.toContain(ownCase['id']);
    expect((await get(`${platform.urls.approval}/cases/${ownCase['id']}`, stranger)).status).toBe(404);
    const decision = await post(`${platform.urls.approval}/cases/${ownCase['id']}/decision`, stranger, { outcome: 'approved' });
    expect(decision.status).toBe(404);
    expect((await get(`${platform.urls.approval}/cases/${ownCase['id']}`, owner)).body['status']).toBe('open');
  });
});

function schemaOf(dataSource: { options: unknown }): string {
  return (dataSource.options as { schema: string }).schema;
}

async function get(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function eventuallyFind(url: string, token: string, match: (item: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await get(url, token);
    const found = (page.body['items'] as Array<Record<string, unknown>>).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Nothing matched at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
