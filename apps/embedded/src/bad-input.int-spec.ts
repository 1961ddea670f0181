/**
 * Bad input at every door of the four services, over real Kafka and PostgreSQL: each request is
 * refused with a 4xx and Chinese field errors by path, never a 500, and writes nothing (no row,
 * no outbox event, no application number taken). The services run on a clock fixed at Monday
 * 14 December 2026, 10:00 in China, so date rules are checked against a known today.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { addDays } from '@onewindow/domain';
import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken, ManualClock } from '@onewindow/platform';
import {
  aDemoForm,
  callApi,
  changedTables,
  databaseFingerprint,
  eventually,
  settledFingerprint,
  testDatabaseUrl,
  testKafkaBrokers,
  type ApiResponse,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

/** The suite moves the services' clock: its tokens must outlast every time it sets. */
const TOKEN_TTL = 365 * 24 * 3600;

type Json = Record<string, unknown>;
type Service = keyof TestPlatform['services'];

const secret = DEVELOPMENT_TOKEN_SECRET;
const TODAY = '2026-12-14';
/** 城镇污水排入排水管网许可 (住建局): 10 working days; two materials may follow later (容缺). */
const SEWAGE_PERMIT = 'DCF-ZJ-XK-011';
/** 建筑工程施工许可证核发 (住建局): 3 working days. */
const CONSTRUCTION_PERMIT = 'DCF-ZJ-XK-012';
const HOUSING = 'DCF-ZJJ';
const clerk = issueToken({ id: 'clerk-bad-input', name: '刘窗口', role: 'clerk', level: 'district' }, secret, TOKEN_TTL);
const admin = issueToken({ id: 'admin-bad-input', name: '平台管理员', role: 'admin' }, secret, TOKEN_TTL);
const manager = issueToken({ id: 'manager-bad-input', name: '电子监察室', role: 'manager' }, secret, TOKEN_TTL);
const approver = issueToken({ id: 'approver-zjj', name: '王审批', role: 'approver', department: HOUSING }, secret, TOKEN_TTL);
const supervisor = issueToken({ id: 'supervisor-scjgj', name: '赵监管', role: 'supervisor', department: 'DCF-SCJGJ' }, secret, TOKEN_TTL);
const integrator = issueToken({ id: 'integrator-wjw', name: '钱集成', role: 'integrator', department: 'DCF-WJW' }, secret, TOKEN_TTL);

/** What a person may read in an error: Chinese, never class-validator's or Nest's English. */
const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH_PHRASES = /must|should|expected|property|validation|failed|nested|elements|characters/i;

describe('bad input at every door', () => {
  let platform: TestPlatform;
  const clock = new ManualClock(new Date(`${TODAY}T02:00:00Z`));

  beforeAll(async () => {
    const env: Record<string, string> = { DEADLINE_WATCH_INTERVAL_MS: '0', NOTICE_WATCH_INTERVAL_MS: '0', BRIDGE_POLL_INTERVAL_MS: '0' };
    const bases = join(mkdtempSync(join(tmpdir(), 'onewindow-bases-')), 'refusal-legal-bases.json');
    // A normative document without articles, accepted as a refusal's basis for the sewage permit only.
    writeFileSync(bases, JSON.stringify({ [SEWAGE_PERMIT]: ['《聊城市城镇排水管理办法》（聊政发〔2024〕5号）'] }));
    env['REFUSAL_LEGAL_BASES_FILE'] = bases;
    platform = await startServicesForTest({
      label: 'bad-input',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      env,
      clock,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(service: Service, token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse<Json>> {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  /** A request with a body exactly as given (malformed JSON, other content types, huge or deep bodies). */
  async function send(
    service: Service,
    token: string | null,
    method: string,
    path: string,
    text?: string,
    contentType = 'application/json',
  ): Promise<ApiResponse<Json>> {
    const response = await fetch(`${platform.urls[service]}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(text === undefined ? {} : { 'content-type': contentType }) },
      ...(text === undefined ? {} : { body: text }),
    });
    const body = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') ? (JSON.parse(body) as Json) : {},
      text: body,
      type,
    };
  }

  /** Runs a request that must be refused and checks that it wrote nothing in any of the services. */
  async function refused(
    request: () => Promise<ApiResponse<Json>>,
    services: Service[] = ['intake', 'approval', 'supervision', 'bridge'],
  ): Promise<ApiResponse<Json>> {
    const before = await settledFingerprint(platform, services);
    const response = await request();
    const after = await databaseFingerprint(platform, services);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: expect.any(Number) });
    if (response.status < 400 || response.status >= 500) throw new Error(`expected a 4xx, got ${response.status}: ${response.text}`);
    expect(changedTables(before, after)).toEqual([]);
    return response;
  }

  function fieldsOf(response: ApiResponse<Json>): Array<[string, string]> {
    const error = response.body['error'] as { fields: Array<{ path: string; message: string }> } | undefined;
    return (error?.fields ?? []).map((field) => [field.path, field.message]);
  }

  function expectChinese(response: ApiResponse<Json>): void {
    const error = response.body['error'] as { message: string; fields: Array<{ message: string }> };
    for (const message of [error.message, ...error.fields.map((field) => field.message)]) {
      expect(message).toMatch(CHINESE);
      expect(message).not.toMatch(ENGLISH_PHRASES);
    }
  }

  /** A complete filing of the sewage permit by a company, every material present. */
  function aFiling(overrides: Json = {}, itemCode = SEWAGE_PERMIT): Json {
    const company = { creditCode: aCreditCode(), name: '聊城市东昌府区运河排水工程有限公司', phone: '13806358801' };
    return {
      itemCodes: [itemCode],
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
      ...aDemoForm(itemCode, company),
      allOtherMaterialsProvided: true,
      ...overrides,
    };
  }

  /** Files the sewage permit and returns the id of its case, once it is in the department's queue at 审查. */
  async function openCase(): Promise<string> {
    const filed = await call('intake', clerk, 'POST', '/applications', aFiling());
    expect(filed.status).toBe(201);
    const approvalCase = await eventually(async () => {
      const queue = await call('approval', approver, 'GET', `/cases?applicationNumber=${String(filed.body['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    return String(approvalCase['id']);
  }

  /** A case worked through 审查 and 审核, waiting for the decision at 批准. */
  async function caseAtApproval(): Promise<string> {
    const id = await openCase();
    for (const [step, opinion] of [
      ['examine', '材料齐全，符合法定形式，同意'],
      ['verify', '经审核，符合许可条件，同意'],
    ] as const) {
      expect((await call('approval', approver, 'POST', `/cases/${id}/advance`, { step, opinion })).status).toBe(200);
    }
    return id;
  }

  it('refuses a missing or null nested object as a field error, at the window, online and in supervision', async () => {
    const { applicant: _applicant, ...withoutApplicant } = aFiling();
    for (const path of ['/applications', '/applications/drafts']) {
      const missing = await refused(() => call('intake', clerk, 'POST', path, withoutApplicant));
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toEqual([['applicant', '请填写“申请人”']]);
      const nulled = await refused(() => call('intake', clerk, 'POST', path, { ...withoutApplicant, applicant: null }));
      expect(fieldsOf(nulled)).toEqual([['applicant', '请填写“申请人”']]);
    }
    const online = issueToken({ id: aCreditCode(), name: '聊城市东昌府区网办测试有限公司', role: 'applicant' }, secret, TOKEN_TTL);
    const submitted = await refused(() =>
      call('intake', online, 'POST', '/online/applications', {
        ...withoutApplicant,
        channel: 'online',
        allOtherMaterialsProvided: undefined,
      }),
    );
    expect(fieldsOf(submitted)).toEqual([['applicant', '请填写“申请人”']]);

    const record = { kind: 'penalty', title: '未按规定公示年度报告', documentNumber: '东市监罚〔2026〕15号', decidedOn: '2026-12-01' };
    const withoutHolder = await refused(() => call('supervision', supervisor, 'POST', '/records', record));
    expect(fieldsOf(withoutHolder)).toEqual([['holder', '请填写“当事人”']]);
    expect(fieldsOf(await refused(() => call('supervision', supervisor, 'POST', '/records', { ...record, holder: null })))).toEqual([
      ['holder', '请填写“当事人”'],
    ]);

    const withoutAssignee = await refused(() =>
      call('approval', admin, 'PUT', '/workflows/DCF-ZJ-XK-012', { departmentCode: HOUSING, steps: [{ step: 'approve' }] }),
    );
    expect(fieldsOf(withoutAssignee)).toEqual([['steps[0].assignee', '请填写“办理人”']]);
    // null for an optional field is "not given": the item keeps the default numbering.
    const configured = await call('approval', admin, 'PUT', '/workflows/DCF-ZJ-XK-012', {
      departmentCode: HOUSING,
      steps: [{ step: 'approve', assignee: { kind: 'pool' } }],
      licenceNumberTemplate: null,
    });
    expect(configured.status).toBe(200);

    for (const service of ['intake', 'approval'] as const) {
      const noBody = await refused(() => send(service, admin, 'POST', '/calendar/years'));
      expect(noBody.status).toBeLessThan(500);
      const notJson = await refused(() => send(service, admin, 'POST', '/calendar/years', 'year=2027', 'text/plain'));
      expect(notJson.status).toBeLessThan(500);
    }
  });

  it('answers every validation message in Chinese, naming the field in Chinese, one message per field', async () => {
    const asText = await refused(() => call('intake', clerk, 'POST', '/applications', aFiling({ itemCodes: SEWAGE_PERMIT })));
    expect(fieldsOf(asText)).toEqual([['itemCodes', '“申请事项”必须是列表']]);

    const tooLong = await refused(() =>
      call(
        'intake',
        clerk,
        'POST',
        '/applications',
        aFiling({ materials: [{ itemCode: `${SEWAGE_PERMIT}-${'X'.repeat(40)}`, materialCode: 'M01', finding: 'provided' }] }),
      ),
    );
    expect(fieldsOf(tooLong)).toEqual([['materials[0].itemCode', '“事项编码”不能超过40个字符']]);

    const tooMany = await refused(() =>
      call(
        'intake',
        clerk,
        'POST',
        '/applications',
        aFiling({ materials: Array.from({ length: 301 }, () => ({ itemCode: SEWAGE_PERMIT, materialCode: 'M01', finding: 'provided' })) }),
      ),
    );
    expect(fieldsOf(tooMany)).toEqual([['materials', '“材料审查结果”最多300项']]);

    const unknownField = await refused(() => call('intake', clerk, 'POST', '/applications', aFiling({ priority: 'urgent' })));
    expect(fieldsOf(unknownField)).toEqual([['priority', '不允许提交字段“priority”']]);

    const notAnObject = await refused(() => send('intake', clerk, 'POST', '/applications', '"DCF-ZJ-XK-011"'));
    expect(notAnObject.body['error']).toMatchObject({ code: 'BODY_NOT_OBJECT' });
    const anArray = await refused(() => send('intake', clerk, 'POST', '/applications', '[1, 2]'));
    expect(anArray.body['error']).toMatchObject({ code: 'BODY_NOT_OBJECT' });
    const malformed = await refused(() => send('intake', clerk, 'POST', '/applications', '{"itemCodes": ['));
    expect(malformed.body['error']).toMatchObject({ code: 'MALFORMED_JSON' });
    // Refused by the body parser before any middleware, it still carries the request id every error quotes.
    expect((malformed.body['error'] as Json)['requestId']).toMatch(/^[\w.-]+$/);
    expect(malformed.headers.get('x-request-id')).toBe((malformed.body['error'] as Json)['requestId']);

    const badId = await refused(() => call('intake', clerk, 'GET', '/applications/not-a-uuid'));
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId)).toEqual([['id', expect.stringContaining('编号')]]);
    const badVersion = await refused(() => call('intake', null, 'GET', '/catalogue/items/DCF-SCJG-XK-001?version=abc'));
    expect(fieldsOf(badVersion)).toEqual([['version', expect.stringContaining('整数')]]);
    const badPart = await refused(() =>
      call('intake', clerk, 'POST', `/applications/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/parts/x/supplement-received`),
    );
    expect(fieldsOf(badPart)).toEqual([['partId', expect.stringContaining('编号')]]);

    for (const response of [asText, tooLong, tooMany, unknownField, notAnObject, anArray, malformed, badId, badVersion, badPart])
      expectChinese(response);
  });

  it('trims every text and refuses a blank name or required text', async () => {
    const filing = aFiling();
    const blankName = await refused(() =>
      call('intake', clerk, 'POST', '/applications', { ...filing, applicant: { ...(filing['applicant'] as Json), name: '   ' } }),
    );
    expect(fieldsOf(blankName).map(([path]) => path)).toEqual(['applicant.name']);
    const blankAgent = await refused(() =>
      call('intake', clerk, 'POST', '/applications', { ...filing, agent: { kind: 'helper', name: ' \t ', identifier: aResidentId() } }),
    );
    expect(fieldsOf(blankAgent).map(([path]) => path)).toEqual(['agent.name']);
    const blankTitle = await refused(() =>
      call('supervision', supervisor, 'POST', '/records', {
        kind: 'inspection',
        holder: { kind: 'organisation', name: '聊城市东昌府区检查对象有限公司', identifier: aCreditCode() },
        title: '  ',
        decidedOn: '2026-12-01',
      }),
    );
    expect(fieldsOf(blankTitle).map(([path]) => path)).toEqual(['title']);

    const caseId = await caseAtApproval();
    const blankRefusal = await refused(() =>
      call('approval', approver, 'POST', `/cases/${caseId}/decision`, { outcome: 'refused', reason: '    ', legalBasis: '   ' }),
    );
    expect(
      fieldsOf(blankRefusal)
        .map(([path]) => path)
        .sort(),
    ).toEqual(['legalBasis', 'reason']);

    const padded = await call('intake', clerk, 'POST', '/applications', {
      ...filing,
      applicant: { ...(filing['applicant'] as Json), name: '  聊城市东昌府区运河排水工程有限公司 ' },
    });
    expect(padded.status).toBe(201);
    expect(padded.body['applicant']).toMatchObject({ name: '聊城市东昌府区运河排水工程有限公司' });
    for (const response of [blankName, blankAgent, blankTitle, blankRefusal]) expectChinese(response);
  });

  it('refuses impossible calendar dates wherever a date enters', async () => {
    const caseId = await caseAtApproval();
    for (const validUntil of ['2031-02-30', '2031-13-01', '2031-04-31']) {
      const decision = await refused(() =>
        call('approval', approver, 'POST', `/cases/${caseId}/decision`, { outcome: 'approved', scope: '排水户类型：餐饮', validUntil }),
      );
      expect(decision.status).toBe(400);
      expect(fieldsOf(decision)).toEqual([['validUntil', expect.stringContaining('日期')]]);
    }
    const suspended = await refused(() =>
      call('approval', approver, 'POST', `/cases/${caseId}/suspensions`, {
        procedure: 'hearing',
        startOn: '2026-02-29',
        reason: '申请人申请听证，依法组织听证',
      }),
    );
    expect(fieldsOf(suspended).map(([path]) => path)).toEqual(['startOn']);

    const dueDate = await refused(() =>
      call(
        'intake',
        clerk,
        'POST',
        '/applications',
        aFiling({ materials: [{ itemCode: SEWAGE_PERMIT, materialCode: 'M02', finding: 'to-follow', dueDate: '2026-13-01' }] }),
      ),
    );
    expect(fieldsOf(dueDate)).toEqual([['materials[0].dueDate', expect.stringContaining('日期')]]);

    const slots = await refused(() => call('intake', null, 'GET', '/appointments/slots?day=2026-02-30'));
    expect(slots.body['error']).toMatchObject({ fields: [{ path: 'day', code: 'IS_CALENDAR_DATE' }] });
    const appointments = await refused(() => call('intake', clerk, 'GET', '/appointments?day=2026-02-30'));
    expect(appointments.body['error']).toMatchObject({ fields: [{ path: 'day', code: 'IS_CALENDAR_DATE' }] });

    const record = await refused(() =>
      call('supervision', supervisor, 'POST', '/records', {
        kind: 'inspection',
        holder: { kind: 'organisation', name: '聊城市东昌府区检查对象有限公司', identifier: aCreditCode() },
        title: '日常检查',
        decidedOn: '2026-02-30',
      }),
    );
    expect(fieldsOf(record).map(([path]) => path)).toEqual(['decidedOn']);
  });

  it("bounds a 容缺 due date to the configured days after the clock's today", async () => {
    const toFollow = (dueDate: string) =>
      aFiling({ materials: [{ itemCode: SEWAGE_PERMIT, materialCode: 'M02', finding: 'to-follow', dueDate }] });
    for (const dueDate of ['2099-01-01', addDays(TODAY, 61)]) {
      const late = await refused(() => call('intake', clerk, 'POST', '/applications', toFollow(dueDate)));
      expect(fieldsOf(late)).toEqual([['materials[0].dueDate', `补交期限不能晚于${addDays(TODAY, 60)}（受理后60天内）`]]);
    }
    const accepted = await call('intake', clerk, 'POST', '/applications', toFollow(addDays(TODAY, 60)));
    expect(accepted.status).toBe(201);
    expect(accepted.body['status']).toBe('accepted');
  });

  it('refuses a refusal that cites no law or regulation, or gives no real reason', async () => {
    const caseId = await caseAtApproval();
    const reason = '经现场核查，排水户未按规定建设预处理设施，排放的污水不符合排放标准';
    for (const legalBasis of ['无', '相关规定', '《城镇排水与污水处理条例》']) {
      const refusal = await refused(() =>
        call('approval', approver, 'POST', `/cases/${caseId}/decision`, { outcome: 'refused', reason, legalBasis }),
      );
      expect(refusal.status).toBe(422);
      expect(fieldsOf(refusal)).toEqual([['legalBasis', expect.stringContaining('《')]]);
    }
    const shortReason = await refused(() =>
      call('approval', approver, 'POST', `/cases/${caseId}/decision`, {
        outcome: 'refused',
        reason: '不符合',
        legalBasis: '《中华人民共和国行政许可法》第三十八条',
      }),
    );
    expect(fieldsOf(shortReason)).toEqual([['reason', expect.stringContaining('10')]]);

    const cited = await call('approval', approver, 'POST', `/cases/${caseId}/decision`, {
      outcome: 'refused',
      reason,
      legalBasis: '《中华人民共和国行政许可法》第三十八条第二款、《城镇排水与污水处理条例》第二十一条',
    });
    expect(cited.status).toBe(201);
    const configured = await call('approval', approver, 'POST', `/cases/${await caseAtApproval()}/decision`, {
      outcome: 'refused',
      reason,
      legalBasis: '《聊城市城镇排水管理办法》（聊政发〔2024〕5号）',
    });
    expect(configured.status).toBe(201);
  });

  it('takes an application number only once every check has passed', async () => {
    // From Monday 21 December the sewage permit's 10 working days end in 2027, whose calendar is not loaded;
    // the construction permit's 3 end on the 24th.
    clock.set(new Date('2026-12-21T02:00:00Z'));
    try {
      const sequence = (response: ApiResponse<Json>) => Number(String(response.body['number']).slice(-6));
      const first = await call('intake', clerk, 'POST', '/applications', aFiling({}, CONSTRUCTION_PERMIT));
      expect(first.status).toBe(201);
      const intoNextYear = await refused(() => call('intake', clerk, 'POST', '/applications', aFiling()));
      expect(intoNextYear.status).toBe(409);
      expect(intoNextYear.body['error']).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
      const { applicant: _applicant, ...withoutApplicant } = aFiling({}, CONSTRUCTION_PERMIT);
      await refused(() => call('intake', clerk, 'POST', '/applications', withoutApplicant));
      const next = await call('intake', clerk, 'POST', '/applications', aFiling({}, CONSTRUCTION_PERMIT));
      expect(next.status).toBe(201);
      expect(sequence(next)).toBe(sequence(first) + 1);
    } finally {
      clock.set(new Date(`${TODAY}T02:00:00Z`));
    }
  });

  it('asks an unfavourable rating for a comment, and answers a report of an unknown department with 404', async () => {
    const rating = { number: 'YC20261214000001', identifier: aCreditCode(), level: 2 };
    for (const comment of [undefined, '   ']) {
      const unhappy = await refused(() =>
        call('intake', null, 'POST', '/ratings', { ...rating, ...(comment === undefined ? {} : { comment }) }),
      );
      expect(fieldsOf(unhappy)).toEqual([['comment', '评价“不满意”或“非常不满意”时，请写明原因']]);
    }
    const unknown = await refused(() => call('supervision', manager, 'GET', '/monitoring/reports/2026-11?department=DCF-NO-SUCH'));
    expect(unknown.status).toBe(404);
    expectChinese(unknown);
    expect((await call('supervision', manager, 'GET', `/monitoring/reports/2026-11?department=${HOUSING}`)).status).toBe(200);
  });

  it('refuses a body nested too deep or too large on every route, public ones included', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const deepArray = `{"itemCodes":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    for (const [service, token, path, body] of [
      ['intake', null, '/ratings', deep],
      ['intake', clerk, '/applications', deepArray],
      ['approval', admin, '/workflows/DCF-ZJ-XK-012', deep],
      ['supervision', supervisor, '/records', deep],
      ['bridge', integrator, '/adapters/dcf-wjw-wsxk/pause', deep],
    ] as const) {
      const method = path.startsWith('/workflows') ? 'PUT' : 'POST';
      const response = await refused(() => send(service, token, method, path, body));
      expect(response.status).toBe(400);
      expect(response.body['error']).toMatchObject({ code: 'BODY_TOO_DEEP' });
      expectChinese(response);
    }
    // Approval reads at most 1 MB (intake takes whole catalogue files, 16 MB).
    const huge = await refused(() =>
      send('approval', approver, 'POST', '/approvers/approver-zjj/away', JSON.stringify({ away: true, reason: '差'.repeat(2_000_000) })),
    );
    expect(huge.status).toBe(413);
    expectChinese(huge);
  });

  it('refuses page numbers and versions the database cannot count to', async () => {
    const huge = '99999999999999999999';
    for (const [service, token, path] of [
      ['intake', null, '/catalogue/items'],
      ['intake', clerk, '/applications'],
      ['approval', approver, '/cases'],
      ['supervision', supervisor, '/notices'],
      ['bridge', integrator, '/deliveries'],
    ] as const) {
      const response = await refused(() => call(service, token, 'GET', `${path}?page=${huge}`));
      expect(response.status).toBe(400);
      expect(fieldsOf(response).map(([field]) => field)).toEqual(['page']);
    }
    const version = await refused(() => call('intake', null, 'GET', `/catalogue/items/DCF-SCJG-XK-001?version=${huge}`));
    expect(fieldsOf(version).map(([field]) => field)).toEqual(['version']);
  });

  it('refuses a NUL in any text, in the body, the query and the path', async () => {
    const away = await refused(() =>
      call('approval', approver, 'POST', '/approvers/approver-zjj/away', { away: true, reason: '赴省厅\u0000参加培训' }),
    );
    expect(away.body['error']).toMatchObject({ fields: [{ path: 'reason', code: 'NUL_CHARACTER' }] });
    const pause = await refused(() => call('bridge', integrator, 'POST', '/adapters/dcf-wjw-wsxk/pause', { reason: '系统升级\u0000' }));
    expect(pause.body['error']).toMatchObject({ fields: [{ path: 'reason', code: 'NUL_CHARACTER' }] });
    const caseId = await openCase();
    const opinion = await refused(() =>
      call('approval', approver, 'POST', `/cases/${caseId}/advance`, { step: 'examine', opinion: '材料齐全\u0000，同意' }),
    );
    expect(opinion.body['error']).toMatchObject({ fields: [{ path: 'opinion', code: 'NUL_CHARACTER' }] });
    const situations = await refused(() =>
      call('intake', clerk, 'POST', '/applications', aFiling({ situations: { [SEWAGE_PERMIT]: { 'Q1\u0000': 'A' } } })),
    );
    expect(situations.body['error']).toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const path of [
      '/catalogue/items/%00',
      '/catalogue/items?search=%E9%A3%9F%00',
      '/catalogue/items/DCF-SCJG-XK-001/materials?Q1=%00',
    ]) {
      const response = await refused(() => call('intake', null, 'GET', path));
      expect(response.body['error']).toMatchObject({ fields: [{ code: 'NUL_CHARACTER' }] });
      expectChinese(response);
    }
  });

  it('answers concurrent first pauses of an adapter with 200 or 409, never 500', async () => {
    const adapters = ['dcf-scjgj-qydj', 'dcf-wjw-wsxk', 'dcf-xfjy-jdjc'];
    const statuses = await Promise.all(
      adapters.flatMap((id) =>
        Array.from({ length: 8 }, () =>
          call('bridge', admin, 'POST', `/adapters/${id}/pause`, { reason: '系统升级，暂停接收' }).then((r) => r.status),
        ),
      ),
    );
    expect([...new Set(statuses)].filter((status) => status !== 200 && status !== 409)).toEqual([]);
    for (const id of adapters) expect((await call('bridge', admin, 'POST', `/adapters/${id}/resume`)).status).toBe(200);
  });

  it("answers an integrator who filters by another department's adapter with an empty page, not 500", async () => {
    for (const path of [
      '/exchange-log?adapterId=dcf-scjgj-qydj',
      '/dead-letters?adapterId=dcf-scjgj-qydj',
      '/exchange-log?adapterId=no-such-adapter',
    ]) {
      const response = await call('bridge', integrator, 'GET', path);
      expect({ path, status: response.status, total: response.body['total'] }).toEqual({ path, status: 200, total: 0 });
    }
  });

  it('answers 503 with Retry-After when the database ends the session mid-request, and keeps nothing', async () => {
    const before = await settledFingerprint(platform, ['intake']);
    const schema = (platform.services.intake.dataSource.options as { schema: string }).schema;
    const locker = new Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      // The filing's first read waits behind this lock; the session it waits in is then terminated.
      await locker.query(`LOCK TABLE "${schema}"."service_item" IN ACCESS EXCLUSIVE MODE`);
      const filing = fetch(`${platform.urls.intake}/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
        body: JSON.stringify(aFiling()),
      });
      // A filing answered before any session waited on the lock did not read the locked table: the failure says so.
      let answeredEarly: string | null = null;
      void filing.then(
        async (response) =>
          (answeredEarly = `the filing was answered ${response.status} before it waited: ${await response.clone().text()}`),
        (error: unknown) => (answeredEarly = `the filing failed before it waited: ${String(error)}`),
      );
      await eventually(
        async () => {
          if (answeredEarly) throw new Error(answeredEarly);
          const { rows } = await locker.query<{ terminated: boolean }>(
            `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1 AND pid <> pg_backend_pid()`,
            [`%"${schema}"%`],
          );
          if (!rows.some((row) => row.terminated)) {
            // Say what the database's sessions are doing instead (busy ones first: a session waiting on an
            // advisory lock does not name the schema), so a failure here explains itself.
            const sessions = await locker.query<{ state: string; wait: string | null; query: string }>(
              `SELECT state, wait_event_type || ':' || wait_event AS wait, now() - query_start AS running, left(query, 100) AS query
               FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              ORDER BY (state = 'idle'), query_start LIMIT 25`,
            );
            throw new Error(`no session of intake waits on the lock: ${JSON.stringify(sessions.rows)}`);
          }
        },
        // Generous: on a busy machine (two suites at once beside the chaos suite) a request can take long to reach the database.
        { timeoutMs: 90_000 },
      );
      await locker.query('ROLLBACK');
      const response = await filing;
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await response.json()) as Json;
      expect(body['error']).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expectChinese({ status: 503, headers: response.headers, body, text: '', type: '' });
      // The pool drops the ended sessions and connects again: the service recovers by itself.
      await eventually(async () => expect((await fetch(`${platform.urls.intake}/catalogue/items?pageSize=1`)).status).toBe(200));
    } finally {
      await locker.end();
    }
    expect(changedTables(before, await databaseFingerprint(platform, ['intake']))).toEqual([]);
  });
});
