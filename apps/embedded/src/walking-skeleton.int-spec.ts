/**
 * The walking skeleton, end to end over real Kafka and PostgreSQL: intake accepts → approval
 * opens a case per department → approvers approve → supervision notifies the supervising
 * departments → intake sees the decision.
 */
import { createEnvelope, Topics } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import { aCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { aFoodLicenceForm, requestJson, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { DEMO_BUNDLE, runDemo } from './demo-walkthrough';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

const secret = DEVELOPMENT_TOKEN_SECRET;

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
    const [application] = await intake.query(`SELECT id, status, outcome, bundle FROM "${schemaOf(intake)}".application`);
    expect(application).toMatchObject({ status: 'issued', outcome: 'approved', bundle: expect.objectContaining({ code: DEMO_BUNDLE }) });
    const bundle = (await (await fetch(`${platform.urls.intake}/catalogue/bundles/${DEMO_BUNDLE}`)).json()) as { itemCodes: string[] };
    const parts: Array<{ item_code: string; status: string; licence_number: string; department_code: string }> = await intake.query(
      `SELECT item_code, status, licence_number, department_code FROM "${schemaOf(intake)}".application_part WHERE application_id = $1`,
      [application.id],
    );
    expect(parts.map((p) => p.item_code).sort()).toEqual([...bundle.itemCodes].sort());
    for (const part of parts) {
      expect(part.status).toBe('approved');
      // The food business permit has its own numbering (JY + division + year + sequence); the rest use the default scheme.
      const scheme = part.item_code === 'DCF-SCJG-XK-001' ? /^JY1371502\d{4}\d{5}$/ : new RegExp(`^${part.department_code}-\\d{4}-\\d{6}$`);
      expect(part.licence_number).toMatch(scheme);
    }
    // Every supervising department of every licensed item is told (审管互动); the walkthrough acknowledges one notice.
    const items = await Promise.all(
      bundle.itemCodes.map(
        async (code) =>
          (await (await fetch(`${platform.urls.intake}/catalogue/items/${code}`)).json()) as {
            supervisingDepartments: Array<{ code: string }>;
          },
      ),
    );
    const expected = items.flatMap((item) => item.supervisingDepartments.map((d) => d.code)).sort();
    const supervision = platform.services.supervision.dataSource;
    const notices: Array<{ department_code: string; status: string }> = await supervision.query(
      `SELECT department_code, status FROM "${schemaOf(supervision)}".supervision_notice WHERE application_id = $1`,
      [application.id],
    );
    expect(notices.map((n) => n.department_code).sort()).toEqual(expected);
    expect(notices.filter((n) => n.status === 'acknowledged')).toHaveLength(1);
  });

  it("hides one department's cases from another department's approver in every endpoint", async () => {
    const clerk = issueToken({ id: 'c1', name: '李受理', role: 'clerk' }, secret);
    const accepted = await post(`${platform.urls.intake}/applications`, clerk, {
      itemCodes: ['DCF-SCJG-XK-001'],
      allOtherMaterialsProvided: true,
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aCreditCode() },
      ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区鲁西餐饮有限公司' }),
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

  it('dead-letters a malformed event with its reason, carries on, and shows both in /metrics and the operations API', async () => {
    const admin = issueToken({ id: 'ops-1', name: '运维', role: 'admin' }, secret);
    const malformed = createEnvelope(
      Topics.ApplicationAccepted,
      { ...anApplicationAccepted(), applicationId: 'not-a-uuid' },
      { service: 'intake' },
    );
    await platform.publishRaw([
      { topic: Topics.ApplicationAccepted.name, key: 'not-a-uuid', value: JSON.stringify(malformed), headers: {} },
    ]);
    const deadLetter = await eventuallyFind(`${platform.urls.approval}/admin/dead-letters?status=open`, admin, (d) =>
      String(d['originalValue']).includes(malformed.id),
    );
    expect(deadLetter).toMatchObject({ reason: 'invalid-event', attempts: 0 });
    expect(deadLetter['detail']).toEqual(expect.stringContaining('applicationId'));
    expect(deadLetter['originalTopic']).toEqual(expect.stringMatching(/intake\.application\.accepted\.v1$/));

    // The consumer carried on: a valid application after the malformed one still opens its case.
    const clerk = issueToken({ id: 'c1', name: '李受理', role: 'clerk' }, secret);
    const approver = issueToken({ id: 'a1', name: '王审批', role: 'approver', department: 'DCF-SCJGJ' }, secret);
    const accepted = await post(`${platform.urls.intake}/applications`, clerk, {
      itemCodes: ['DCF-SCJG-XK-001'],
      allOtherMaterialsProvided: true,
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区运河书店有限公司', identifier: aCreditCode() },
      ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区运河书店有限公司' }),
    });
    const partId = (accepted.body['parts'] as Array<{ id: string }>)[0]?.id;
    await eventuallyFind(`${platform.urls.approval}/cases?pageSize=100`, approver, (c) => c['partId'] === partId);

    // Discarding it takes a reason (none, blank or too long is refused in Chinese); who, when and why stay with it.
    const discardUrl = `${platform.urls.approval}/admin/dead-letters/${String(deadLetter['id'])}/discard`;
    for (const [body, message] of [
      [{}, /请填写“?丢弃原因/],
      [{ reason: ' \n ' }, /请填写“?丢弃原因/],
      [{ reason: '废'.repeat(501) }, /丢弃原因不能超过500个字/],
    ] as const) {
      const refused = await post(discardUrl, admin, body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(message);
    }
    const discarded = await post(discardUrl, admin, { reason: '  测试用的畸形消息，无需重放  ' });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({
      status: 'discarded',
      discardedBy: '运维（ops-1）',
      discardReason: '测试用的畸形消息，无需重放',
    });
    const kept = await eventuallyFind(
      `${platform.urls.approval}/admin/dead-letters?status=discarded`,
      admin,
      (d) => d['id'] === deadLetter['id'],
    );
    expect(kept).toMatchObject({
      discardedBy: '运维（ops-1）',
      discardReason: '测试用的畸形消息，无需重放',
      discardedAt: discarded.body['discardedAt'],
    });
    expect((await post(discardUrl, admin, { reason: '再丢弃一次' })).status).toBe(404);

    const metrics = await (await fetch(`${platform.urls.approval}/metrics`)).text();
    expect(metrics).toMatch(/onewindow_dead_letters_total\{[^}]*topic="intake\.application\.accepted\.v1"[^}]*\} 1/);
    expect(metrics).toMatch(/onewindow_events_consumed_total\{[^}]*outcome="processed"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/onewindow_outbox_backlog\{[^}]*\} \d+/);
    if (overKafka) {
      // Read from the broker at scrape time: every partition of the consumed topic, caught up.
      const lags = [...metrics.matchAll(/onewindow_consumer_lag\{[^}]*topic="intake\.application\.accepted\.v1"[^}]*\} (\d+)/g)];
      expect(lags.length).toBeGreaterThan(0);
    }
  });
});

function schemaOf(dataSource: { options: unknown }): string {
  return (dataSource.options as { schema: string }).schema;
}

const get = (url: string, token: string) => requestJson(url, 'GET', { authorization: `Bearer ${token}` });
const post = (url: string, token: string, body: unknown) => requestJson(url, 'POST', { authorization: `Bearer ${token}` }, body);

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
