/**
 * The department back office (后台分类审批) over real Kafka and PostgreSQL: queues scoped to each
 * department, workflow steps and AB岗, the deadline ledger and traffic lights on a controllable
 * clock, parallel approval of a bundle, the credit gate, results from department systems,
 * revocation, and 退回补正 round-tripping through the window.
 */
import { randomUUID } from 'node:crypto';
import { Topics, type TopicDefinition } from '@onewindow/contracts';
import {
  anApplicationAccepted,
  anApplicationPart,
  aDepartmentResult,
  aRevocationRequest,
  aSupervisionRecord,
} from '@onewindow/contracts/testing';
import { aCreditCode, aUniqueCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken, ManualClock } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  callApi,
  decideCase,
  eventually,
  fileAtWindow,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

/** The suite moves the services' clock: its tokens must outlast every time it sets. */
const TOKEN_TTL = 365 * 24 * 3600;

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
const MARKET = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };
const HEALTH = { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' };
const FIRE = { code: 'DCF-XFJY', name: '东昌府区消防救援大队' };
const HOUSING = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };

function approverOf(department: { code: string }, id = `approver-${department.code}`, name = '王审批'): string {
  return issueToken({ id, name, role: 'approver', department: department.code }, secret, TOKEN_TTL);
}

describe('the department back office', () => {
  let platform: TestPlatform;
  // 2026-03-05 (Thu) 11:00 in China: the builders' applications were accepted half an hour earlier.
  const clock = new ManualClock(new Date('2026-03-05T03:00:00.000Z'));
  const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret, TOKEN_TTL);

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'back-office',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval'],
      env: { DEADLINE_WATCH_INTERVAL_MS: '0' },
      clock,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(token: string, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls.approval, token, method, path, body);
  }

  function publish<T extends object>(topic: TopicDefinition<T>, data: T): Promise<string> {
    return platform.publishEvent(topic, data);
  }

  async function acceptedCases(parts: ReturnType<typeof anApplicationPart>[], overrides: Parameters<typeof anApplicationAccepted>[0] = {}) {
    const application = anApplicationAccepted({
      applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      parts,
      ...overrides,
    });
    await publish(Topics.ApplicationAccepted, application);
    const cases = await eventually(async () => {
      const found = await Promise.all(
        parts.map(async (part) => {
          const queue = await call(
            approverOf(part.department),
            'GET',
            `/cases?applicationNumber=${application.applicationNumber}&pageSize=50`,
          );
          return (queue.body['items'] as Json[]).find((c) => c['partId'] === part.partId);
        }),
      );
      expect(found.every(Boolean)).toBe(true);
      return found as Json[];
    });
    return { application, cases };
  }

  function outboxCount(topic: string, applicationId: string): Promise<number> {
    return platform.outboxCount('approval', topic, applicationId);
  }

  it('announces a bundle decided by three departments at once exactly once, with no lost update', async () => {
    const parts = [
      anApplicationPart({ itemCode: 'DCF-SCJG-DJ-001', itemName: '企业设立登记', department: MARKET }),
      anApplicationPart({ itemCode: 'DCF-WJW-XK-003', itemName: '公共场所卫生许可', department: HEALTH }),
      anApplicationPart({ itemCode: 'DCF-XF-JC-002', itemName: '公众聚集场所投入使用、营业前消防安全检查', department: FIRE }),
    ];
    const { application, cases } = await acceptedCases(parts, {
      bundle: { code: 'DCF-YJS-KBCYD', name: '开办餐饮店', leadDepartmentCode: MARKET.code },
    });

    const decisions = await Promise.all(
      cases.map((c, index) =>
        decideCase(platform.urls.approval, approverOf(parts[index]!.department), String(c['id']), { outcome: 'approved' }),
      ),
    );
    expect(decisions.map((d) => d.status)).toEqual([201, 201, 201]);

    expect(await outboxCount(Topics.ApplicationDecided.name, application.applicationId)).toBe(1);
    expect(await outboxCount(Topics.CaseDecided.name, application.applicationId)).toBe(3);
    const bundle = await call(approverOf(MARKET), 'GET', `/applications/${application.applicationId}/cases`);
    expect(bundle.body).toMatchObject({ totalParts: 3, decidedParts: 3, announced: true, bundle: { code: 'DCF-YJS-KBCYD' } });
    // The lead department sees every part; another department sees its own only.
    expect(bundle.body['parts']).toHaveLength(3);
    const healthView = await call(approverOf(HEALTH), 'GET', `/applications/${application.applicationId}/cases`);
    expect((healthView.body['parts'] as Json[]).map((p) => (p['department'] as Json)['code'])).toEqual([HEALTH.code]);
  });

  it('goes from accepted to decided to a licence issued event on the broker', async () => {
    const kafka = new Kafka({ clientId: 'back-office-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `back-office-${randomUUID()}` });
    const seen: Json[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: platform.physicalTopic(Topics.LicenceIssued.name), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value)) as Json) });
    try {
      const { application, cases } = await acceptedCases([anApplicationPart()]);
      const decided = await decideCase(platform.urls.approval, approverOf(MARKET), String(cases[0]!['id']), {
        outcome: 'approved',
        scope: '热食类食品制售',
      });
      expect(decided.status).toBe(201);
      const event = await eventually(
        async () => {
          const found = seen.find((e) => (e['data'] as Json)['applicationId'] === application.applicationId);
          expect(found).toBeDefined();
          return found as Json;
        },
        { timeoutMs: 30_000 },
      );
      // The food permit's own scheme (demo workflow): JY + division + year + five digits, valid five years.
      expect(event['data']).toMatchObject({
        holder: application.applicant,
        scope: '热食类食品制售',
        validFrom: '2026-03-05',
        validUntil: '2031-03-04',
      });
      expect(String((event['data'] as Json)['licenceNumber'])).toMatch(/^JY13715022026\d{5}$/);
    } finally {
      await consumer.disconnect();
    }
  });

  it('answers an approver of another department with 403 or 404 on every endpoint, and changes nothing', async () => {
    const { cases } = await acceptedCases([anApplicationPart()]);
    const id = String(cases[0]!['id']);
    const stranger = approverOf(HEALTH, 'wjw-stranger', '陈外部');
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/cases/${id}`],
      ['GET', `/cases/${id}/deadline`],
      ['GET', `/cases/${id}/history`],
      ['GET', `/cases/${id}/credit`],
      ['GET', `/applications/${String(cases[0]!['applicationId'])}/cases`],
      ['POST', `/cases/${id}/advance`, { step: 'examine', opinion: '同意' }],
      ['POST', `/cases/${id}/reassign`, { assigneeId: 'zhangshenpi', reason: '改派' }],
      ['POST', `/cases/${id}/decision`, { outcome: 'approved' }],
      [
        'POST',
        `/cases/${id}/supplement-request`,
        { reason: '补正', materials: [{ itemCode: 'DCF-SCJG-XK-001', materialCode: 'M01', materialName: '营业执照', problem: '模糊' }] },
      ],
      ['POST', `/cases/${id}/supplement-request/withdrawal`, { reason: '撤回补正要求' }],
      ['POST', `/cases/${id}/suspensions`, { procedure: 'hearing', reason: '听证' }],
      ['POST', `/cases/${id}/suspensions/${randomUUID()}/end`, {}],
      ['POST', `/cases/${id}/extensions`, { workingDays: 5, reason: '复杂' }],
      ['POST', `/cases/${id}/extensions/${randomUUID()}/review`, { approve: true }],
      ['POST', `/cases/${id}/green-channel`, { reason: '重点项目' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(stranger, method, path, body);
      expect({ path, refused: [403, 404].includes(response.status) }).toEqual({ path, refused: true });
    }
    const owner = await call(approverOf(MARKET), 'GET', `/cases/${id}`);
    expect(owner.body).toMatchObject({ status: 'open', currentStep: 'examine', greenChannel: false, suspendedFor: null });
    const licences = await call(stranger, 'GET', '/licences?pageSize=100');
    expect((licences.body['items'] as Json[]).every((l) => l['departmentCode'] === HEALTH.code)).toBe(true);
  });

  it('moves a case one step for ten simultaneous advances of that step, and refuses the other nine with 409', async () => {
    const { cases } = await acceptedCases([anApplicationPart({ partId: randomUUID() })]);
    const id = String(cases[0]!['id']);
    expect(cases[0]).toMatchObject({ currentStep: 'examine' });
    const approver = approverOf(MARKET, 'scjg-sun', '孙立华');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(approver, 'POST', `/cases/${id}/advance`, { step: 'examine', opinion: '材料齐全，符合法定形式' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(responses.filter((r) => r.status === 409).every((r) => (r.body['error'] as Json)['code'] === 'STEP_ALREADY_COMPLETED')).toBe(
      true,
    );
    expect((await call(approver, 'GET', `/cases/${id}`)).body).toMatchObject({ currentStep: 'verify' });
    const history = await call(approver, 'GET', `/cases/${id}/history`);
    expect((history.body as unknown as Json[]).filter((r) => r['kind'] === 'completed').map((r) => r['step'])).toEqual([
      'accept',
      'examine',
    ]);
    // The version seen on a stale screen is refused too.
    const stale = await call(approver, 'POST', `/cases/${id}/advance`, {
      step: 'verify',
      revision: cases[0]!['revision'],
      opinion: '同意',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'CASE_CHANGED' } });
  });

  it('keeps one person from completing two consecutive steps when the item separates duties (审查/审核/批准)', async () => {
    const itemCode = 'DCF-WJW-XK-003';
    const configured = await call(admin, 'PUT', `/workflows/${itemCode}`, {
      departmentCode: HEALTH.code,
      steps: [
        { step: 'examine', assignee: { kind: 'pool' } },
        { step: 'verify', assignee: { kind: 'pool' } },
        { step: 'approve', assignee: { kind: 'pool' } },
      ],
      separateDuties: true,
    });
    expect(configured.body).toMatchObject({ separateDuties: true });
    const { cases } = await acceptedCases([anApplicationPart({ itemCode, itemName: '公共场所卫生许可（新办）', department: HEALTH })]);
    const id = String(cases[0]!['id']);
    const chen = approverOf(HEALTH, 'wjw-chen', '陈静');
    const sun = approverOf(HEALTH, 'wjw-sun', '孙建国');
    const li = approverOf(HEALTH, 'wjw-li', '李卫东');
    expect((await call(chen, 'POST', `/cases/${id}/advance`, { step: 'examine', opinion: '材料齐全' })).status).toBe(200);
    const again = await call(chen, 'POST', `/cases/${id}/advance`, { step: 'verify', opinion: '同意' });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({
      error: { code: 'SEPARATION_OF_DUTIES', message: '陈静已办理“审查”环节，同一人员不能连续办理“审核”环节，请由其他人员办理' },
    });
    expect((await call(sun, 'POST', `/cases/${id}/advance`, { step: 'verify', opinion: '经审核，同意' })).status).toBe(200);
    const decidedBySameVerifier = await call(sun, 'POST', `/cases/${id}/decision`, { outcome: 'approved' });
    expect(decidedBySameVerifier.status).toBe(403);
    expect(decidedBySameVerifier.body).toMatchObject({ error: { code: 'SEPARATION_OF_DUTIES' } });
    // Not consecutive: the examiner may approve.
    expect((await call(chen, 'POST', `/cases/${id}/decision`, { outcome: 'approved' })).status).toBe(201);
    expect((await call(li, 'GET', `/cases/${id}`)).body).toMatchObject({ status: 'approved' });
  });

  it('works a case step by step, only by its assignee, and moves it to the stand-in when the assignee is away (AB岗)', async () => {
    const itemCode = 'DCF-SCJG-DJ-002';
    expect(
      (
        await call(admin, 'PUT', `/workflows/${itemCode}`, {
          departmentCode: MARKET.code,
          steps: [
            { step: 'examine', assignee: { kind: 'pool' } },
            { step: 'approve', assignee: { kind: 'person', id: 'wangshenpi', name: '王审批' } },
          ],
        })
      ).status,
    ).toBe(200);
    const badWorkflow = await call(admin, 'PUT', `/workflows/${itemCode}`, {
      departmentCode: MARKET.code,
      steps: [
        { step: 'approve', assignee: { kind: 'pool' } },
        { step: 'examine', assignee: { kind: 'pool' } },
      ],
    });
    expect(badWorkflow.status).toBe(422);

    const { cases } = await acceptedCases([anApplicationPart({ itemCode, itemName: '企业变更登记' })]);
    const id = String(cases[0]!['id']);
    const sun = approverOf(MARKET, 'sunfuhe', '孙复核');
    const wang = approverOf(MARKET, 'wangshenpi', '王审批');
    expect((await call(sun, 'POST', `/cases/${id}/decision`, { outcome: 'approved' })).body).toMatchObject({
      error: { code: 'STEP_NOT_REACHED' },
    });
    const examined = await call(sun, 'POST', `/cases/${id}/advance`, { step: 'examine', opinion: '材料齐全，符合法定形式' });
    expect(examined.body).toMatchObject({ currentStep: 'approve', assigneeId: 'wangshenpi' });
    expect((await call(sun, 'POST', `/cases/${id}/decision`, { outcome: 'approved' })).status).toBe(403);

    const away = await call(wang, 'POST', '/approvers/wangshenpi/away', { away: true, reason: '赴省局参加培训' });
    expect(away.body).toMatchObject({ moved: 1 });
    expect((await call(sun, 'GET', `/cases/${id}`)).body).toMatchObject({ assigneeId: 'sunfuhe', assigneeName: '孙复核' });
    const history = await call(sun, 'GET', `/cases/${id}/history`);
    expect((history.body as unknown as Json[]).map((r) => `${r['step']}:${r['kind']}`)).toEqual([
      'accept:completed',
      'examine:assigned',
      'examine:completed',
      'approve:assigned',
      'approve:stand-in',
    ]);

    await call(wang, 'POST', '/approvers/wangshenpi/away', { away: false });
    expect((await call(sun, 'POST', `/cases/${id}/reassign`, { assigneeId: 'wangshenpi', reason: ' ' })).status).toBe(400);
    const reassigned = await call(sun, 'POST', `/cases/${id}/reassign`, {
      assigneeId: 'wangshenpi',
      reason: '王审批培训结束返岗，由其继续办理',
    });
    expect(reassigned.body).toMatchObject({ assigneeId: 'wangshenpi' });
    expect((await call(wang, 'POST', `/cases/${id}/decision`, { outcome: 'refused', reason: '', legalBasis: '' })).body).toMatchObject({
      error: {
        fields: expect.arrayContaining([expect.objectContaining({ path: 'reason' }), expect.objectContaining({ path: 'legalBasis' })]),
      },
    });
    const refused = await call(wang, 'POST', `/cases/${id}/decision`, {
      outcome: 'refused',
      reason: '变更后的经营范围涉及前置许可，申请人未取得',
      legalBasis: '《中华人民共和国市场主体登记管理条例》第十四条',
    });
    expect(refused.body).toMatchObject({ status: 'refused', currentStep: 'conclude', decidedBy: { id: 'wangshenpi' } });
  });

  it('recomputes the deadline from its ledger: special procedures, extensions approved by someone else, the green channel', async () => {
    const { cases } = await acceptedCases([anApplicationPart({ committedWorkingDays: 5, promisedDeadline: '2026-03-12' })]);
    const id = String(cases[0]!['id']);
    const wang = approverOf(MARKET, 'wangshenpi', '王审批');
    const liu = approverOf(MARKET, 'sunfuhe', '孙复核');
    expect(cases[0]).toMatchObject({ deadline: '2026-03-12', colour: 'green' });

    clock.set('2026-03-06T02:00:00.000Z');
    const suspended = await call(wang, 'POST', `/cases/${id}/suspensions`, {
      procedure: 'site-inspection',
      reason: '需对经营场所进行现场核查',
    });
    expect(suspended.body).toMatchObject({ suspendedFor: 'site-inspection' });
    const overlapping = await call(wang, 'POST', `/cases/${id}/suspensions`, { procedure: 'testing', reason: '送检' });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body).toMatchObject({ error: { fields: [expect.objectContaining({ code: 'SUSPENSION_OVERLAPS' })] } });

    clock.set('2026-03-09T02:00:00.000Z');
    const ledger = await call(wang, 'GET', `/cases/${id}/deadline`);
    const suspensionId = String(((ledger.body['entries'] as Json[])[0] as Json)['id']);
    const resumed = await call(wang, 'POST', `/cases/${id}/suspensions/${suspensionId}/end`, { endOn: '2026-03-06' });
    // 3-6 (a Friday) stood still: one working day later.
    expect(resumed.body).toMatchObject({ deadline: '2026-03-13', suspendedFor: null, suspendedWorkingDays: 1 });

    const requested = await call(wang, 'POST', `/cases/${id}/extensions`, { workingDays: 3, reason: '涉及多部门会商' });
    expect(requested.status).toBe(201);
    const extensionId = String(requested.body['id']);
    expect((await call(wang, 'POST', `/cases/${id}/extensions/${extensionId}/review`, { approve: true })).status).toBe(403);
    const approved = await call(liu, 'POST', `/cases/${id}/extensions/${extensionId}/review`, { approve: true, note: '同意延期' });
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect((await call(wang, 'GET', `/cases/${id}`)).body).toMatchObject({ deadline: '2026-03-18', extendedWorkingDays: 3 });

    const green = await call(wang, 'POST', `/cases/${id}/green-channel`, { reason: '市级重点项目配套' });
    // Half the promised five days, rounded up: three, plus the suspension and the extension.
    expect(green.body).toMatchObject({ greenChannel: true, targetWorkingDays: 3, deadline: '2026-03-16' });
    const queue = await call(wang, 'GET', '/cases?status=open&pageSize=100');
    expect((queue.body['items'] as Json[])[0]).toMatchObject({ id, greenChannel: true });
    expect(await outboxCount(Topics.CaseDeadlineChanged.name, String(cases[0]!['applicationId']))).toBe(4);
    clock.set('2026-03-05T03:00:00.000Z');
  });

  it('refuses an extension into a year whose calendar is not loaded, and changes nothing', async () => {
    const { cases } = await acceptedCases([anApplicationPart({ committedWorkingDays: 5, promisedDeadline: '2026-12-28' })], {
      acceptedAt: '2026-12-21T02:00:00.000Z',
    });
    const id = String(cases[0]!['id']);
    const wang = approverOf(MARKET, 'scjg-wang', '王立新');
    const liu = approverOf(MARKET, 'scjg-liu', '刘海燕');
    try {
      clock.set('2026-12-22T02:00:00.000Z');
      const requested = await call(wang, 'POST', `/cases/${id}/extensions`, { workingDays: 10, reason: '涉及跨部门联合审查' });
      const review = await call(liu, 'POST', `/cases/${id}/extensions/${String(requested.body['id'])}/review`, {
        approve: true,
        note: '同意延期',
      });
      expect(review.status).toBe(409);
      expect(review.body).toMatchObject({ error: { code: 'CALENDAR_YEAR_MISSING', message: expect.stringContaining('2027年') } });
      expect((await call(wang, 'GET', `/cases/${id}`)).body).toMatchObject({ deadline: cases[0]!['deadline'], extendedWorkingDays: 0 });
      const ledger = await call(wang, 'GET', `/cases/${id}/deadline`);
      expect(ledger.body['entries']).toEqual([expect.objectContaining({ kind: 'extension', status: 'requested' })]);
    } finally {
      clock.set('2026-03-05T03:00:00.000Z');
    }
  });

  it("warns from 1 November that next year's calendar is missing, in /health/ready (still up) and /metrics", async () => {
    const metric = /onewindow_calendar_next_year_missing\{[^}]*\} (\d)/;
    try {
      clock.set('2026-10-31T10:00:00.000Z');
      const october = await callApi<Json>(platform.urls.approval, null, 'GET', '/health/ready');
      expect(october.status).toBe(200);
      expect(october.body['warnings']).toBeUndefined();
      expect(metric.exec((await callApi(platform.urls.approval, null, 'GET', '/metrics')).text)?.[1]).toBe('0');

      clock.set('2026-11-01T01:00:00.000Z');
      for (const service of ['approval', 'intake'] as const) {
        const ready = await callApi<Json>(platform.urls[service], null, 'GET', '/health/ready');
        expect(ready.status).toBe(200);
        expect(ready.body).toMatchObject({ status: 'ok', warnings: { calendar: expect.stringContaining('2027年的节假日安排尚未载入') } });
        expect(metric.exec((await callApi(platform.urls[service], null, 'GET', '/metrics')).text)?.[1]).toBe('1');
      }
    } finally {
      clock.set('2026-03-05T03:00:00.000Z');
    }
  });

  it('announces a colour the ledger changes at once, without waiting for the watch (the green channel shortens a case into yellow)', async () => {
    const { application, cases } = await acceptedCases([anApplicationPart({ committedWorkingDays: 5, promisedDeadline: '2026-03-12' })]);
    const id = String(cases[0]!['id']);
    const approver = approverOf(MARKET);
    try {
      clock.set('2026-03-10T02:00:00.000Z');
      // Target three working days from 3-05: due today.
      const green = await call(approver, 'POST', `/cases/${id}/green-channel`, { reason: '省重点项目' });
      expect(green.body).toMatchObject({ deadline: '2026-03-10', colour: 'yellow' });
      expect(await outboxCount(Topics.CaseColourChanged.name, application.applicationId)).toBe(1);
      const reminders = await call(approver, 'GET', '/reminders?pageSize=100');
      expect((reminders.body['items'] as Json[]).filter((r) => r['caseId'] === id).map((r) => r['colour'])).toEqual(['yellow']);
      // The watch finds nothing left to announce.
      await call(admin, 'POST', '/deadlines/scan');
      expect(await outboxCount(Topics.CaseColourChanged.name, application.applicationId)).toBe(1);
    } finally {
      clock.set('2026-03-05T03:00:00.000Z');
    }
  });

  it('turns a case yellow, then red, reminding the assignee and announcing each change once', async () => {
    const { application, cases } = await acceptedCases([anApplicationPart({ committedWorkingDays: 5, promisedDeadline: '2026-03-12' })]);
    const id = String(cases[0]!['id']);
    const approver = approverOf(MARKET);
    try {
      clock.set('2026-03-11T02:00:00.000Z'); // 1 working day left of 5: within 30 %
      await call(admin, 'POST', '/deadlines/scan');
      expect((await call(approver, 'GET', `/cases/${id}`)).body).toMatchObject({ colour: 'yellow', workingDaysLeft: 1 });
      // Each open case is looked at once a day: the same day's second pass has nothing to look at.
      expect((await call(admin, 'POST', '/deadlines/scan')).body).toEqual({ checked: 0, changed: 0 });
      clock.set('2026-03-13T02:00:00.000Z');
      await call(admin, 'POST', '/deadlines/scan');
      const red = await call(approver, 'GET', `/cases?colour=red&applicationNumber=${application.applicationNumber}`);
      expect(red.body['total']).toBe(1);
      // The queue counts the working days overdue (剩余工作日 below zero).
      expect((red.body['items'] as Json[])[0]).toMatchObject({ workingDaysLeft: -1 });
      expect(await outboxCount(Topics.CaseColourChanged.name, application.applicationId)).toBe(2);
      const reminders = await call(approver, 'GET', '/reminders?pageSize=100');
      const texts = (reminders.body['items'] as Json[]).filter((r) => r['caseId'] === id).map((r) => String(r['message']));
      expect(texts).toEqual([expect.stringContaining('【红灯超期】'), expect.stringContaining('【黄灯预警】')]);
    } finally {
      clock.set('2026-03-05T03:00:00.000Z');
    }
  });

  it('keeps a blacklisted applicant from 容缺 and 告知承诺 and asks for an explicit override to approve', async () => {
    const identifier = aUniqueCreditCode(); // blacklisted: no other test may file as this company
    const holder = { kind: 'organisation' as const, name: '聊城市东昌府区失信餐饮有限公司', identifier };
    await publish(Topics.SupervisionRecordPublished, aSupervisionRecord({ holder }));
    const pledged = await acceptedCases([anApplicationPart({ pledges: [{ materialCode: 'M04', materialName: '经营场所使用证明' }] })], {
      applicant: holder,
    });
    const plain = await acceptedCases([anApplicationPart()], { applicant: holder });
    const approver = approverOf(MARKET);
    const pledgedId = String(pledged.cases[0]!['id']);
    await eventually(async () =>
      expect((await call(approver, 'GET', `/cases/${pledgedId}/credit`)).body).toMatchObject({
        blacklisted: true,
        reliesOnTolerance: true,
      }),
    );

    const refusedGate = await decideCase(platform.urls.approval, approver, pledgedId, {
      outcome: 'approved',
      creditOverride: { reason: '重点项目' },
    });
    expect(refusedGate.status).toBe(422);
    expect(refusedGate.body).toMatchObject({ error: { fields: [expect.objectContaining({ code: 'CREDIT_NO_TOLERANCE' })] } });

    const plainId = String(plain.cases[0]!['id']);
    const noOverride = await decideCase(platform.urls.approval, approver, plainId, { outcome: 'approved' });
    expect(noOverride.body).toMatchObject({ error: { fields: [expect.objectContaining({ code: 'CREDIT_OVERRIDE_REQUIRED' })] } });
    const overridden = await decideCase(platform.urls.approval, approver, plainId, {
      outcome: 'approved',
      creditOverride: { reason: '信用修复申请已受理，经集体研究同意' },
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ status: 'approved', creditOverride: { reason: '信用修复申请已受理，经集体研究同意' } });
  });

  it("decides a case from a department system's result, once, and dead-letters a result that contradicts it", async () => {
    const { application, cases } = await acceptedCases([
      anApplicationPart({ itemCode: 'DCF-SCJG-DJ-001', itemName: '企业设立登记', handledInDepartmentSystem: true }),
    ]);
    const result = aDepartmentResult({ applicationId: application.applicationId, partId: String(cases[0]!['partId']) });
    await publish(Topics.DepartmentResultReceived, result);
    await publish(Topics.DepartmentResultReceived, result); // delivered again, with a new event id
    const decided = await eventually(async () => {
      const current = await call(approverOf(MARKET), 'GET', `/cases/${String(cases[0]!['id'])}`);
      expect(current.body['status']).toBe('approved');
      return current.body;
    });
    expect(decided).toMatchObject({ decidedBy: { kind: 'department-system', id: 'scjg-qydj' }, departmentResultId: result.resultId });
    await publish(Topics.DepartmentResultReceived, {
      ...result,
      resultId: 'SCJG-RESULT-CONTRADICTING',
      outcome: 'refused',
      reason: '名称重复',
      legalBasis: '《企业名称登记管理规定》',
    });
    const deadLetter = await eventually(async () => {
      const list = await call(admin, 'GET', '/admin/dead-letters?status=open&pageSize=100');
      const found = (list.body['items'] as Json[]).find((d) => String(d['originalValue']).includes('SCJG-RESULT-CONTRADICTING'));
      expect(found).toBeDefined();
      return found as Json;
    });
    expect(deadLetter).toMatchObject({ consumer: 'approval.decide-when-department-result-received', reason: 'handler-failed' });
    expect(String(deadLetter['detail'])).toContain('already decided');
    expect(await outboxCount(Topics.CaseDecided.name, application.applicationId)).toBe(1);
    const licences = await call(approverOf(MARKET), 'GET', `/licences?holder=${application.applicant.identifier}`);
    expect((licences.body['items'] as Json[]).map((l) => l['number'])).toContain('91371502MA3C8XYZ1P');
  });

  it('revokes a licence at the request of supervision and announces it, once', async () => {
    const { application, cases } = await acceptedCases([anApplicationPart()]);
    const decided = await decideCase(platform.urls.approval, approverOf(MARKET), String(cases[0]!['id']), { outcome: 'approved' });
    const licence = await call(approverOf(MARKET), 'GET', `/licences/${String(decided.body['licenceId'])}`);
    const request = aRevocationRequest({
      licenceId: String(licence.body['id']),
      licenceNumber: String(licence.body['number']),
      applicationId: application.applicationId,
    });
    await publish(Topics.RevocationRequested, request);
    await publish(Topics.RevocationRequested, request);
    await eventually(async () =>
      expect((await call(approverOf(MARKET), 'GET', `/licences/${String(licence.body['id'])}`)).body).toMatchObject({
        status: 'revoked',
        revocationRequestId: request.requestId,
      }),
    );
    expect(await outboxCount(Topics.LicenceRevoked.name, application.applicationId)).toBe(1);
    const again = await call(approverOf(MARKET), 'POST', `/licences/${String(licence.body['id'])}/revocation`, { reason: '重复撤销' });
    expect(again.body).toMatchObject({ error: { code: 'LICENCE_ALREADY_REVOKED' } });
  });

  it('returns a case for supplement: the window issues a one-time notice, and the clock runs again once it is supplied', async () => {
    // The window accepts on today's date; the back office works on the same day.
    clock.set(new Date());
    const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk', level: 'district' }, secret, TOKEN_TTL);
    const filed = await fileAtWindow(
      platform.urls.intake,
      clerk,
      aConstructionPermitFiling({ creditCode: aCreditCode(), phone: '13706351234' }),
    );
    expect(filed.status).toBe(201);
    const application = (await filed.json()) as Json;
    const part = (application['parts'] as Json[])[0] as Json;
    const approver = approverOf(part['department'] as { code: string });
    const approvalCase = await eventually(async () => {
      const queue = await call(approver, 'GET', `/cases?applicationNumber=${String(application['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    const materials = [
      {
        itemCode: String(part['itemCode']),
        materialCode: 'M05',
        materialName: '施工图设计文件审查合格书',
        problem: '审查合格书缺少审查机构盖章，请补充',
      },
    ];
    const returned = await call(approver, 'POST', `/cases/${String(approvalCase['id'])}/supplement-request`, {
      reason: '申请材料不符合法定形式',
      materials,
    });
    expect(returned.body).toMatchObject({ suspendedFor: 'supplement' });
    // While the supplement is outstanding the case takes no step and no decision.
    const step = await call(approver, 'POST', `/cases/${String(approvalCase['id'])}/advance`, {
      step: returned.body['currentStep'],
      opinion: '同意',
    });
    expect(step.status).toBe(409);
    expect(step.body).toMatchObject({ error: { code: 'AWAITING_SUPPLEMENT' } });
    const decision = await call(approver, 'POST', `/cases/${String(approvalCase['id'])}/decision`, { outcome: 'approved' });
    expect(decision.status).toBe(409);
    expect(decision.body).toMatchObject({ error: { code: 'AWAITING_SUPPLEMENT' } });
    expect((await call(approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({
      status: 'open',
      suspendedFor: 'supplement',
    });

    const notices = await eventually(async () => {
      const response = await fetch(`${platform.urls.intake}/applications/${String(application['id'])}/notices`, {
        headers: { authorization: `Bearer ${clerk}` },
      });
      const body = (await response.json()) as Json[] | { items: Json[] };
      const list = Array.isArray(body) ? body : body.items;
      expect(list.length).toBe(1);
      return list;
    });
    expect((notices[0] as Json)['lines']).toEqual([
      expect.objectContaining({ materialName: '施工图设计文件审查合格书', problem: '审查合格书缺少审查机构盖章，请补充' }),
    ]);
    // The window's desk finds it among those waiting for supplement (and among today's), the part saying what was asked.
    const receivedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(String(application['receivedAt'])));
    const waiting = await callApi<Json>(
      platform.urls.intake,
      clerk,
      'GET',
      `/applications?supplementRequested=true&receivedOn=${receivedOn}&number=${String(application['number'])}`,
    );
    expect(waiting.body['total']).toBe(1);
    const waitingPart = ((waiting.body['items'] as Json[])[0]?.['parts'] as Json[])[0] as Json;
    expect(waitingPart['supplementRequest']).toMatchObject({
      reason: '申请材料不符合法定形式',
      materials: [expect.objectContaining({ materialCode: materials[0]!.materialCode })],
    });

    // With the supplement, the clerk corrects the form: the review certificate's number the department asked about.
    const filedForm = (application['form'] as { data: Json }).data;
    const supplied = await fetch(
      `${platform.urls.intake}/applications/${String(application['id'])}/parts/${String(part['id'])}/supplement-received`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ form: { ...filedForm, drawingReview: '聊审图〔2026〕第0386-1号' } }),
      },
    );
    expect(supplied.status).toBe(200);
    const stillWaiting = await callApi<Json>(
      platform.urls.intake,
      clerk,
      'GET',
      `/applications?supplementRequested=true&number=${String(application['number'])}`,
    );
    expect(stillWaiting.body['total']).toBe(0);
    const corrections = await fetch(`${platform.urls.intake}/applications/${String(application['id'])}/form-corrections`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(await corrections.json()).toEqual([
      expect.objectContaining({
        occasion: 'department-request',
        changes: [
          {
            path: 'drawingReview',
            label: '施工图设计文件审查合格书编号',
            before: '聊审图〔2026〕第0386号',
            after: '聊审图〔2026〕第0386-1号',
          },
        ],
        correctedBy: { id: 'clerk-1', name: '李受理' },
      }),
    ]);
    // The corrected answers are the application's, and its part's share, from now on.
    const corrected = (await (
      await fetch(`${platform.urls.intake}/applications/${String(application['id'])}`, { headers: { authorization: `Bearer ${clerk}` } })
    ).json()) as Json;
    expect(corrected['form']).toMatchObject({ data: { drawingReview: '聊审图〔2026〕第0386-1号' } });
    expect((corrected['parts'] as Json[])[0]).toMatchObject({ form: { data: { drawingReview: '聊审图〔2026〕第0386-1号' } } });
    await eventually(async () =>
      expect((await call(approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body).toMatchObject({ suspendedFor: null }),
    );
    const ledger = await call(approver, 'GET', `/cases/${String(approvalCase['id'])}/deadline`);
    expect((ledger.body['entries'] as Json[])[0]).toMatchObject({ procedure: 'supplement', endOn: expect.any(String) });
    // Supplied: the work goes on.
    const afterwards = await call(approver, 'POST', `/cases/${String(approvalCase['id'])}/advance`, {
      step: returned.body['currentStep'],
      opinion: '补正材料齐全，同意',
    });
    expect(afterwards.status).toBe(200);
    clock.set('2026-03-05T03:00:00.000Z');
  });

  it("takes the window's time from the service clock: received, accepted, promised and shown as the clock says", async () => {
    const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk', level: 'district' }, secret, TOKEN_TTL);
    try {
      // Monday 16 March 2026, 10:00 in China.
      clock.set('2026-03-16T02:00:00.000Z');
      const filed = await fileAtWindow(
        platform.urls.intake,
        clerk,
        aConstructionPermitFiling({ creditCode: aCreditCode(), phone: '13706351236' }),
      );
      expect(filed.status).toBe(201);
      const application = (await filed.json()) as Json;
      expect(application).toMatchObject({ receivedAt: '2026-03-16T02:00:00.000Z', acceptedAt: '2026-03-16T02:00:00.000Z' });
      // The construction permit's 3 committed working days after the Monday (the start day not counted).
      expect((application['parts'] as Json[])[0]).toMatchObject({ promisedDeadline: '2026-03-19' });
      const progress = await callApi<Json>(
        platform.urls.intake,
        null,
        'GET',
        `/progress?number=${String(application['number'])}&phone=13706351236`,
      );
      expect((progress.body['timeline'] as Json[])[0]).toMatchObject({ at: '2026-03-16T10:00:00+08:00' });
      // The department's queue opens the case on the same clock.
      const opened = await eventually(async () => {
        const queue = await call(approverOf(HOUSING), 'GET', `/cases?applicationNumber=${String(application['number'])}`);
        expect(queue.body['total']).toBe(1);
        return (queue.body['items'] as Json[])[0] as Json;
      });
      expect(opened).toMatchObject({ openedAt: '2026-03-16T02:00:00.000Z', acceptedOn: '2026-03-16' });
    } finally {
      clock.set('2026-03-05T03:00:00.000Z');
    }
  });

  it('withdraws a supplement request with a reason: the clock runs again, the window withdraws the notice and tells the applicant', async () => {
    clock.set(new Date());
    const clerk = issueToken({ id: 'clerk-1', name: '李受理', role: 'clerk', level: 'district' }, secret, TOKEN_TTL);
    const filed = await fileAtWindow(
      platform.urls.intake,
      clerk,
      aConstructionPermitFiling({ creditCode: aCreditCode(), phone: '13706351235' }),
    );
    const application = (await filed.json()) as Json;
    const part = (application['parts'] as Json[])[0] as Json;
    const approver = approverOf(part['department'] as { code: string });
    const approvalCase = await eventually(async () => {
      const queue = await call(approver, 'GET', `/cases?applicationNumber=${String(application['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    const caseId = String(approvalCase['id']);
    const materials = [
      { itemCode: String(part['itemCode']), materialCode: 'M03', materialName: '施工合同', problem: '合同缺少施工单位盖章' },
    ];
    expect(
      (await call(approver, 'POST', `/cases/${caseId}/supplement-request`, { reason: '申请材料不符合法定形式', materials })).status,
    ).toBe(200);
    await eventually(async () => {
      const notices = await callApi<Json[]>(platform.urls.intake, clerk, 'GET', `/applications/${String(application['id'])}/notices`);
      expect(notices.body).toHaveLength(1);
    });

    const noReason = await call(approver, 'POST', `/cases/${caseId}/supplement-request/withdrawal`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { fields: expect.arrayContaining([expect.objectContaining({ path: 'reason' })]) } });
    const withdrawn = await call(approver, 'POST', `/cases/${caseId}/supplement-request/withdrawal`, {
      reason: '经复核，施工合同盖章齐全，系扫描件不清晰所致',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ suspendedFor: null });
    expect(
      (await call(approver, 'POST', `/cases/${caseId}/supplement-request/withdrawal`, { reason: '再次撤回补正要求' })).body,
    ).toMatchObject({
      error: { code: 'NO_SUPPLEMENT_PENDING' },
    });
    const history = await call(approver, 'GET', `/cases/${caseId}/history`);
    expect(JSON.stringify(history.body)).toContain('撤回补正要求：经复核，施工合同盖章齐全');

    // The window withdraws the notice: nothing is asked of the applicant any more, and the applicant is told.
    await eventually(async () => {
      const notices = await callApi<Json[]>(platform.urls.intake, clerk, 'GET', `/applications/${String(application['id'])}/notices`);
      expect(notices.body[0]).toMatchObject({
        withdrawnAt: expect.any(String),
        withdrawalReason: '经复核，施工合同盖章齐全，系扫描件不清晰所致',
      });
    });
    const supplied = await callApi(
      platform.urls.intake,
      clerk,
      'POST',
      `/applications/${String(application['id'])}/parts/${String(part['id'])}/supplement-received`,
    );
    expect(supplied.body).toMatchObject({ error: { code: 'NO_SUPPLEMENT_REQUESTED' } });
    const told = await platform.query<{ text: string }>(
      'intake',
      `SELECT text FROM $schema.notification WHERE application_id = $1 AND kind = 'notice-withdrawn'`,
      [application['id']],
    );
    expect(told).toEqual([{ text: expect.stringContaining('无需补交') }]);
    expect((await call(approver, 'POST', `/cases/${caseId}/advance`, { step: approvalCase['currentStep'], opinion: '同意' })).status).toBe(
      200,
    );
    clock.set('2026-03-05T03:00:00.000Z');
  });
});
