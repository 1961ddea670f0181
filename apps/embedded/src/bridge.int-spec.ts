/**
 * The bridge (联通桥) over real Kafka and PostgreSQL, with its three demo department systems:
 * auto-fill of a company's form from its credit code through to the 市场监管局 system and its
 * result deciding the case; signed webhooks refusing tampering and replays; a GBK XML file drop
 * both ways; a bundle filed with one form reaching each system with its own share; a department
 * table polled for penalty records; bad records dead-lettered naming the
 * field with nothing published, then replayed; pause and resume; the hash-chained log.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Topics, type TopicDefinition } from '@onewindow/contracts';
import { anApplicationAccepted, anApplicationPart } from '@onewindow/contracts/testing';
import { localDateInShanghai } from '@onewindow/domain';
import { aCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import {
  aDemoForm,
  aRestaurantBundleForm,
  callApi,
  setOutboundCodeTableEntry,
  eventually,
  fileAtWindow,
  RESTAURANT_BUNDLE_SITUATIONS,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import * as iconv from 'iconv-lite';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
/** The demo 市场监管局 system's webhook key (a development secret, see apps/bridge/src/demo). */
const MARKET_WEBHOOK_KEY = 'demo-scjgj-webhook-signing-key';
const MARKET = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };
const HEALTH = { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' };
const FIRE = { code: 'DCF-XFJY', name: '东昌府区消防救援大队' };
const COMPANY_CREDIT_CODE = '91350100M000100Y43';

const clerk = issueToken({ id: 'clerk-bridge-1', name: '李受理', role: 'clerk', level: 'district' }, secret);
const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret);
const integrator = (department: string) => issueToken({ id: `int-${department}`, name: '赵集成', role: 'integrator', department }, secret);
const approverOf = (department: string) =>
  issueToken({ id: `approver-${department}`, name: '王审批', role: 'approver', department }, secret);

/** `yyyy-MM-dd HH:mm:ss` in China time, as the 市场监管局 system writes times. */
function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The time the bridge checks a webhook's timestamp against: the suite's platform clock, set once it has started. */
let platformNow: () => Date;

function signed(body: string, key = MARKET_WEBHOOK_KEY, at = platformNow()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createHmac('sha256', key).update(`${timestamp}\n${nonce}\n`).update(body).digest('hex');
  return { 'x-onewindow-timestamp': timestamp, 'x-onewindow-nonce': nonce, 'x-onewindow-signature': `sha256=${signature}` };
}

describe('the bridge to department systems', () => {
  let platform: TestPlatform;
  let demo: { market: { url: string }; health: { outbox: string; inbox: string }; fire: { schema: string }; adaptersFile: string };

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'bridge',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision', 'bridge'],
      env: { BRIDGE_POLL_INTERVAL_MS: '100', DEADLINE_WATCH_INTERVAL_MS: '0' },
    });
    platformNow = () => platform.clock.now();
    demo = (await call('bridge', admin, 'GET', '/demo/department-systems')).body as typeof demo;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(service: 'intake' | 'approval' | 'bridge', token: string, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  function webhook(path: string, body: string, headers: Record<string, string>) {
    return fetch(`${platform.urls.bridge}/webhooks/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  function publish<T extends object>(topic: TopicDefinition<T>, data: T): Promise<string> {
    return platform.publishEvent(topic, data);
  }

  async function bridgeOutbox(topic: string): Promise<Json[]> {
    const rows = await platform.query<{ envelope: Json }>('bridge', 'SELECT envelope FROM $schema.outbox_message WHERE topic = $1', [
      topic,
    ]);
    return rows.map((row) => row.envelope['data'] as Json);
  }

  async function caseOf(department: string, applicationNumber: string, partId: string): Promise<Json> {
    return eventually(async () => {
      const queue = await call('approval', approverOf(department), 'GET', `/cases?applicationNumber=${applicationNumber}&pageSize=50`);
      const found = (queue.body['items'] as Json[] | undefined)?.find((c) => c['partId'] === partId);
      expect(found).toBeDefined();
      return found as Json;
    });
  }

  it("pre-fills a company's form from its credit code; the filed part reaches the 市场监管局 system and its signed result decides the case", async () => {
    const prefill = await call('bridge', clerk, 'GET', `/prefill?creditCode=${COMPANY_CREDIT_CODE}`);
    expect(prefill.status).toBe(200);
    const fields = prefill.body['fields'] as Array<{ path: string; value: unknown; source: string; fetchedAt: string }>;
    const field = (path: string) => fields.find((f) => f.path === path);
    expect(field('applicant.name')).toMatchObject({ value: '聊城市东昌府区鲁西餐饮有限公司', source: '聊城市法人单位基础信息库' });
    expect(field('enterprise.registeredCapitalYuan')?.value).toBe(500000);
    expect(field('enterprise.establishedOn')?.value).toBe('2019-06-18');
    expect(fields.every((f) => f.source === '聊城市法人单位基础信息库' && !Number.isNaN(Date.parse(f.fetchedAt)))).toBe(true);

    const item = (await call('intake', clerk, 'GET', '/catalogue/items/DCF-SCJG-DJ-001')).body;
    const questions = item['questions'] as Array<{ code: string; options: Array<{ code: string }> }>;
    const filed = await fileAtWindow(platform.urls.intake, clerk, {
      itemCodes: ['DCF-SCJG-DJ-001'],
      situations: { 'DCF-SCJG-DJ-001': Object.fromEntries(questions.map((q) => [q.code, q.options[0]?.code ?? ''])) },
      allOtherMaterialsProvided: true,
      channel: 'window',
      level: 'district',
      // Filled from the register; the phone (a landline there) is replaced by the contact's mobile.
      applicant: {
        kind: field('applicant.kind')?.value,
        name: field('applicant.name')?.value,
        identifier: field('applicant.identifier')?.value,
        phone: '13806351234',
      },
      ...aDemoForm('DCF-SCJG-DJ-001', {
        creditCode: String(field('applicant.identifier')?.value),
        name: String(field('applicant.name')?.value),
      }),
    });
    expect(filed.status).toBe(201);
    const application = (await filed.json()) as Json;
    const usage = await call('bridge', clerk, 'POST', `/prefill/${String(prefill.body['prefillId'])}/usage`, {
      kept: 3,
      changed: 1,
      typed: 0,
    });
    expect(usage.status).toBe(200);
    const statistics = await call('bridge', admin, 'GET', '/prefill/statistics');
    expect(statistics.body).toMatchObject({ reportedForms: 1, fieldsKept: 3, fieldsChanged: 1, fieldsTyped: 0, automaticSharePercent: 75 });

    // The part is pushed to the department's own system: nobody types it again.
    const received = await eventually(async () => {
      const list = (await (await fetch(`${demo.market.url}/api/sl`)).json()) as { items: Array<{ body: Json }> };
      const mine = list.items.find((r) => (r.body['BJXX'] as Json)['SLBH'] === application['number']);
      expect(mine).toBeDefined();
      return mine!.body;
    });
    expect(received['SQR']).toMatchObject({
      ZTLX: '2',
      MC: '聊城市东昌府区鲁西餐饮有限公司',
      ZJHM: COMPANY_CREDIT_CODE,
      LXDH: '13806351234',
    });
    expect((received['BJXX'] as Json)['SLSJ']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const partId = String((received['BJXX'] as Json)['PTBJBH']);
    await eventually(async () => {
      const deliveries = await call('bridge', integrator(MARKET.code), 'GET', '/deliveries?status=acknowledged');
      expect(
        (deliveries.body['items'] as Json[]).some(
          (d) => d['partId'] === partId && String(d['externalReference']).startsWith('SCJG-SL-2026-'),
        ),
      ).toBe(true);
    });

    // The department system decides and posts its result, signed, with its own decision time (to the second, its clock).
    const decidedAt = new Date(Math.ceil(platform.clock.now().getTime() / 1000) * 1000);
    const result = JSON.stringify({
      BJJG: {
        JGBH: `SCJG-JG-${randomUUID().slice(0, 8)}`,
        PTBJBH: partId,
        BJJGDM: '1',
        BJSJ: shanghaiDateTime(decidedAt),
        ZZBH: '91371502MA3C8XYZ1P',
        YXQZ: '',
        JYFW: '餐饮服务；食品销售',
      },
    });
    const headers = signed(result);
    const accepted = await webhook('dcf-scjgj-qydj/result', result, headers);
    expect({ status: accepted.status, body: await accepted.json() }).toMatchObject({
      status: 202,
      body: { outcomes: [expect.objectContaining({ status: 'published' })] },
    });
    const decided = await eventually(async () => {
      const found = await caseOf(MARKET.code, String(application['number']), partId);
      expect(found['status']).toBe('approved');
      return found;
    });
    expect(decided['departmentResultId']).toBeDefined();
    // The case keeps the department's own decision time, and beside it when the platform received the result.
    expect(new Date(String(decided['decidedAt'])).getTime()).toBe(decidedAt.getTime());
    expect(Number.isNaN(Date.parse(String(decided['decisionReceivedAt'])))).toBe(false);

    // The same request again is a replay; the same result signed afresh is a harmless duplicate; a changed body is refused.
    expect((await webhook('dcf-scjgj-qydj/result', result, headers)).status).toBe(409);
    const again = await webhook('dcf-scjgj-qydj/result', result, signed(result));
    expect(((await again.json()) as { outcomes: Json[] }).outcomes).toEqual([expect.objectContaining({ status: 'duplicate' })]);
    const tampered = await webhook('dcf-scjgj-qydj/result', result.replace('"BJJGDM":"1"', '"BJJGDM":"2"'), signed(result));
    expect(tampered.status).toBe(401);
    expect(((await tampered.json()) as { error: Json }).error['code']).toBe('SIGNATURE_INVALID');
    const stale = await webhook(
      'dcf-scjgj-qydj/result',
      result,
      signed(result, MARKET_WEBHOOK_KEY, new Date(platformNow().getTime() - 3_600_000)),
    );
    expect(((await stale.json()) as { error: Json }).error['code']).toBe('TIMESTAMP_OUTSIDE_WINDOW');
    expect(await bridgeOutbox(Topics.DepartmentResultReceived.name)).toHaveLength(1);

    const today = localDateInShanghai(platform.clock.now());
    const reconciliation = await call('bridge', integrator(MARKET.code), 'GET', `/adapters/dcf-scjgj-qydj/reconciliation?date=${today}`);
    expect(reconciliation.body['counts']).toMatchObject({
      sent: 1,
      acknowledged: 1,
      resultsReceived: 1,
      duplicates: 1,
      refused: 3,
      awaitingResult: 0,
    });
    expect(reconciliation.body['report']).toContain('市场监管局企业登记系统 对账报告');
  });

  it('dead-letters a result with an unknown code, a bad date and a missing field, naming each field, and publishes nothing', async () => {
    const publishedBefore = (await bridgeOutbox(Topics.DepartmentResultReceived.name)).length;
    const body = JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-BAD-1', PTBJBH: randomUUID(), BJJGDM: '7', BJSJ: '2026-02-30 10:00:00' } });
    const refused = await webhook('dcf-scjgj-qydj/result', body, signed(body));
    expect(refused.status).toBe(422);
    const error = ((await refused.json()) as { error: { code: string; fields: Json[] } }).error;
    expect(error.code).toBe('RECORD_REFUSED');
    expect(error.fields.map((f) => [f['path'], f['code']])).toEqual([
      ['BJJG.BJJGDM', 'code_unmapped'],
      ['BJJG.BJSJ', 'invalid_date'],
    ]);
    const missing = JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-BAD-2', BJJGDM: '1', BJSJ: '2026-03-06 10:00:00' } });
    const missingResponse = await webhook('dcf-scjgj-qydj/result', missing, signed(missing));
    expect(((await missingResponse.json()) as { error: { fields: Json[] } }).error.fields).toEqual([
      expect.objectContaining({ path: 'BJJG.PTBJBH', code: 'missing_required' }),
    ]);

    const letters = await call('bridge', integrator(MARKET.code), 'GET', '/dead-letters?adapterId=dcf-scjgj-qydj&status=open');
    const fieldsInLetters = (letters.body['items'] as Json[]).map((l) => l['field']);
    expect(fieldsInLetters).toEqual(expect.arrayContaining(['BJJG.BJJGDM', 'BJJG.PTBJBH']));
    expect(await bridgeOutbox(Topics.DepartmentResultReceived.name)).toHaveLength(publishedBefore);
  });

  it('discards a dead letter only with a reason, keeps who, when and why, logs the discard in the hash chain, and keeps another department out', async () => {
    const body = JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-BAD-DISCARD', PTBJBH: randomUUID(), BJJGDM: '9', BJSJ: '2026-03-06 10:00:00' } });
    expect((await webhook('dcf-scjgj-qydj/result', body, signed(body))).status).toBe(422);
    const letters = await call('bridge', integrator(MARKET.code), 'GET', '/dead-letters?adapterId=dcf-scjgj-qydj&status=open&pageSize=100');
    const letter = (letters.body['items'] as Json[]).find((l) => String(l['payload']).includes('SCJG-JG-BAD-DISCARD')) as Json;
    expect(letter).toBeDefined();

    const blank = await call('bridge', integrator(MARKET.code), 'POST', `/dead-letters/${String(letter['id'])}/discard`, { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toMatch(/请填写“?丢弃原因/);
    const tooLong = await call('bridge', integrator(MARKET.code), 'POST', `/dead-letters/${String(letter['id'])}/discard`, {
      reason: '测'.repeat(501),
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('丢弃原因不能超过500个字');
    const otherDepartment = await call('bridge', integrator(HEALTH.code), 'POST', `/dead-letters/${String(letter['id'])}/discard`, {
      reason: '不是本部门的',
    });
    expect(otherDepartment.status).toBe(404);

    const discarded = await call('bridge', integrator(MARKET.code), 'POST', `/dead-letters/${String(letter['id'])}/discard`, {
      reason: '部门系统测试数据，无需处理',
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({
      status: 'discarded',
      discardedBy: `赵集成（int-${MARKET.code}）`,
      discardReason: '部门系统测试数据，无需处理',
    });
    expect(typeof discarded.body['discardedAt']).toBe('string');
    const again = await call('bridge', integrator(MARKET.code), 'POST', `/dead-letters/${String(letter['id'])}/discard`, {
      reason: '再丢弃一次',
    });
    expect(again.status).toBe(404);

    const listed = await call('bridge', admin, 'GET', '/dead-letters?adapterId=dcf-scjgj-qydj&status=discarded&pageSize=100');
    expect((listed.body['items'] as Json[]).find((l) => l['id'] === letter['id'])).toMatchObject({
      discardReason: '部门系统测试数据，无需处理',
    });
    const logged = await call('bridge', admin, 'GET', '/exchange-log?adapterId=dcf-scjgj-qydj&status=discarded&pageSize=100');
    expect((logged.body['items'] as Json[]).map((e) => e['detail'])).toContainEqual(
      expect.stringContaining(`死信 ${String(letter['id'])} 由 赵集成（int-${MARKET.code}） 丢弃：部门系统测试数据，无需处理`),
    );
    expect((await call('bridge', admin, 'GET', '/exchange-log/verify')).body).toMatchObject({ intact: true });
  });

  it('drops the 卫健委 part as a GBK XML file and decides the case from its GBK result file; a UTF-8 file is refused naming the field', async () => {
    const part = anApplicationPart({
      itemCode: 'DCF-WJW-XK-003',
      itemName: '公共场所卫生许可',
      department: HEALTH,
      handledInDepartmentSystem: true,
      supervisingDepartments: [HEALTH],
    });
    const application = anApplicationAccepted({
      applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      parts: [part],
    });
    await publish(Topics.ApplicationAccepted, application);
    const file = await eventually(async () => {
      const names = (await readdir(demo.health.outbox)).filter((name) => name.startsWith(application.applicationNumber));
      expect(names).toHaveLength(1);
      return readFile(join(demo.health.outbox, names[0] as string));
    });
    const text = iconv.decode(file, 'gbk');
    expect(text).toContain('<?xml version="1.0" encoding="GBK"?>');
    expect(text).toContain('<DWMC>聊城市东昌府区鲁西餐饮有限公司</DWMC>');
    expect(file.includes(Buffer.from('聊城市', 'utf8'))).toBe(false);
    await caseOf(HEALTH.code, application.applicationNumber, part.partId);

    const resultXml = [
      '<?xml version="1.0" encoding="GBK"?>',
      '<WSXK_JG>',
      `  <JGBH>WJW-WSXK-2026-0087</JGBH><PTBH>${part.partId}</PTBH><SPJL>准予许可</SPJL><PZSJ>20260306153000</PZSJ>`,
      '  <XKZH>鲁卫公证字〔2026〕第371502-0087号</XKZH><YXQZ>20300305</YXQZ><XKXM>住宿场所</XKXM>',
      '</WSXK_JG>',
    ].join('\n');
    await writeFile(join(demo.health.inbox, 'result-0087.xml'), iconv.encode(resultXml, 'gbk'));
    await eventually(async () => {
      const decided = await caseOf(HEALTH.code, application.applicationNumber, part.partId);
      expect(decided['status']).toBe('approved');
    });

    await writeFile(
      join(demo.health.inbox, 'result-0088.xml'),
      Buffer.from(resultXml.replace('0087', '0088').replace('GBK', 'UTF-8'), 'utf8'),
    );
    const letter = await eventually(async () => {
      const letters = await call('bridge', integrator(HEALTH.code), 'GET', '/dead-letters?adapterId=dcf-wjw-wsxk');
      const found = (letters.body['items'] as Json[]).find((l) => l['reference'] === 'result-0088.xml');
      expect(found).toBeDefined();
      return found as Json;
    });
    expect(letter).toMatchObject({ code: 'wrong_encoding', field: 'SPJL' });
    expect(await readdir(join(demo.health.inbox, 'failed'))).toContain('result-0088.xml');
  });

  it('reads penalty records from the 消防 table past its cursor; a row of an unknown type is dead-lettered naming the field and does not block the rows after it', async () => {
    const dataSource = platform.services.bridge.dataSource;
    const table = `"${demo.fire.schema}".xf_cfjl`;
    await dataSource.query(
      `INSERT INTO ${table} (cfbh, jllx, dwmc, tyshxydm, cfsy, wsh, cfnr, cfrq, zt) VALUES
       ('XF-CF-2026-0012', 'CF', '聊城市东昌府区鲁西餐饮有限公司', $1, '消防安全检查不合格（疏散通道堵塞）', '东消行罚决字〔2026〕0012号', '罚款人民币伍仟元', '20260302', '有效'),
       ('XF-CF-2026-0013', 'ZZ', '聊城市东昌府区鲁西餐饮有限公司', $1, '未按规定进行消防设施维护保养', NULL, NULL, '20260303', '有效')`,
      [COMPANY_CREDIT_CODE],
    );
    const published = await eventually(async () => {
      const records = await bridgeOutbox(Topics.SupervisionRecordReceived.name);
      expect(records).toHaveLength(1);
      return records[0] as Json;
    });
    expect(published).toMatchObject({
      sourceRecordId: 'XF-CF-2026-0012',
      kind: 'penalty',
      holder: { kind: 'organisation', identifier: COMPANY_CREDIT_CODE },
      department: FIRE,
      decidedOn: '2026-03-02',
      withdrawn: false,
      publishedBy: { kind: 'department-system', id: 'dcf-xfjy-jdjc' },
    });
    const letter = await eventually(async () => {
      const letters = await call('bridge', integrator(FIRE.code), 'GET', '/dead-letters?adapterId=dcf-xfjy-jdjc');
      const found = (letters.body['items'] as Json[]).find((l) => String(l['reference']).endsWith('#2') || l['field'] === 'jllx');
      expect(found).toBeDefined();
      return found as Json;
    });
    expect(letter).toMatchObject({ code: 'code_unmapped', field: 'jllx', rule: 'fields[1].codeTable' });
    // Reading on past it: the cursor moved, the next row is not blocked by the bad one.
    await dataSource.query(
      `INSERT INTO ${table} (cfbh, jllx, dwmc, tyshxydm, cfsy, cfrq) VALUES ('XF-CF-2026-0014', 'JC', '聊城市东昌府区鲁西餐饮有限公司', $1, '消防监督抽查合格', '20260304')`,
      [COMPANY_CREDIT_CODE],
    );
    await eventually(async () => expect(await bridgeOutbox(Topics.SupervisionRecordReceived.name)).toHaveLength(2));

    // A replay maps the stored record again: still refused with the same spec, and said so.
    const replay = await call('bridge', admin, 'POST', '/dead-letters/replay', { ids: [letter['id']] });
    expect(replay.body['lines']).toEqual([expect.objectContaining({ outcome: 'dead-lettered-again' })]);
  });

  it('publishes a penalty the 市场监管局 system posts, and its later withdrawal, each once, through supervision to the credit gate', async () => {
    const penalty = (status: string) =>
      JSON.stringify({
        XZCF: {
          AJBH: 'DCSJ-CF-2026-0015',
          DSRMC: '聊城市东昌府区鲁西餐饮有限公司',
          TYSHXYDM: COMPANY_CREDIT_CODE,
          WFXW: '经营超过保质期的食品',
          CFJDSWH: '东市监罚〔2026〕15号',
          CFNR: '没收违法所得人民币壹仟贰佰元，罚款人民币伍万元',
          CFJDRQ: '2026年03月02日',
          GSJZRQ: '2027年03月01日',
          ZT: status,
        },
      });
    const before = (await bridgeOutbox(Topics.SupervisionRecordReceived.name)).length;
    const post = async (body: string) =>
      ((await (await webhook('dcf-scjgj-qydj/supervision-record', body, signed(body))).json()) as { outcomes: Json[] }).outcomes[0];
    expect(await post(penalty('1'))).toMatchObject({ status: 'published' });
    expect(await post(penalty('1'))).toMatchObject({ status: 'duplicate' });
    expect(await post(penalty('2'))).toMatchObject({ status: 'published' });
    expect(await post(penalty('2'))).toMatchObject({ status: 'duplicate' });
    const records = (await bridgeOutbox(Topics.SupervisionRecordReceived.name)).slice(before);
    expect(records.map((r) => [r['sourceRecordId'], r['withdrawn'], r['department']])).toEqual([
      ['DCSJ-CF-2026-0015', false, MARKET],
      ['DCSJ-CF-2026-0015', true, MARKET],
    ]);
    expect(records[0]!['recordId']).toBe(records[1]!['recordId']);

    // Supervision publishes it as its own record (source: the department system); approval's credit gate sees it withdrawn.
    const recordId = String(records[0]!['recordId']);
    const rowsOf = (service: 'supervision' | 'approval', sql: string) => platform.query(service, sql, [recordId]);
    await eventually(async () =>
      expect(
        await rowsOf('supervision', 'SELECT kind, source, withdrawn, department_code FROM $schema.supervision_record WHERE id = $1'),
      ).toEqual([{ kind: 'penalty', source: 'department-system', withdrawn: true, department_code: MARKET.code }]),
    );
    await eventually(async () =>
      expect(await rowsOf('approval', 'SELECT holder_identifier, withdrawn FROM $schema.holder_record WHERE record_id = $1')).toEqual([
        { holder_identifier: COMPANY_CREDIT_CODE, withdrawn: true },
      ]),
    );
  });

  it('holds deliveries while an adapter is paused and flushes them on resume', async () => {
    const paused = await call('bridge', integrator(FIRE.code), 'POST', '/adapters/dcf-xfjy-jdjc/pause', {
      reason: '消防监督检查系统数据库迁移，暂停接收',
    });
    expect(paused.body).toMatchObject({ status: 'paused', paused: true });
    try {
      const part = anApplicationPart({
        itemCode: 'DCF-XF-JC-002',
        itemName: '公众聚集场所投入使用、营业前消防安全检查',
        department: FIRE,
        handledInDepartmentSystem: true,
        supervisingDepartments: [FIRE],
      });
      const application = anApplicationAccepted({
        applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        parts: [part],
      });
      await publish(Topics.ApplicationAccepted, application);
      await eventually(async () => {
        const health = await call('bridge', integrator(FIRE.code), 'GET', '/adapters/dcf-xfjy-jdjc');
        expect(health.body['pendingDeliveries']).toBe(1);
      });
      const dataSource = platform.services.bridge.dataSource;
      const rows = () => dataSource.query(`SELECT ptbjbh, dwmc, slsj FROM "${demo.fire.schema}".xf_slxx WHERE ptbjbh = $1`, [part.partId]);
      expect(await rows()).toHaveLength(0);

      const resumed = await call('bridge', integrator(FIRE.code), 'POST', '/adapters/dcf-xfjy-jdjc/resume');
      expect(resumed.body).toMatchObject({ status: 'up', flushed: 1, pendingDeliveries: 0 });
      expect(await rows()).toEqual([{ ptbjbh: part.partId, dwmc: '聊城市东昌府区鲁西餐饮有限公司', slsj: '2026-03-05 10:30:00' }]);
      // Another department's integrator does not see this adapter.
      expect((await call('bridge', integrator(MARKET.code), 'GET', '/adapters/dcf-xfjy-jdjc')).status).toBe(404);
    } finally {
      // A failure above must not leave the adapter paused for the tests after it.
      const state = await call('bridge', integrator(FIRE.code), 'GET', '/adapters/dcf-xfjy-jdjc');
      if (state.body['paused']) await call('bridge', integrator(FIRE.code), 'POST', '/adapters/dcf-xfjy-jdjc/resume');
    }
  });

  it('retries a system that is down with backoff, dead-letters the delivery after its attempts, and replays it by time range once the system is back', async () => {
    const outage = (down: boolean) => fetch(`${demo.market.url}/api/outage`, { method: 'PUT', body: JSON.stringify({ down }) });
    await outage(true);
    // The replay range is read against the time the bridge records dead letters by: the platform's clock.
    const since = platform.clock.now().toISOString();
    const part = anApplicationPart({
      itemCode: 'DCF-SCJG-DJ-002',
      itemName: '企业变更登记',
      department: MARKET,
      handledInDepartmentSystem: true,
      supervisingDepartments: [MARKET],
    });
    const application = anApplicationAccepted({
      applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      parts: [part],
    });
    await publish(Topics.ApplicationAccepted, application);
    const letter = await eventually(
      async () => {
        const letters = await call('bridge', integrator(MARKET.code), 'GET', '/dead-letters?adapterId=dcf-scjgj-qydj&status=open');
        const found = (letters.body['items'] as Json[]).find((l) => l['applicationNumber'] === application.applicationNumber);
        expect(found).toBeDefined();
        return found as Json;
      },
      { timeoutMs: 30_000 },
    );
    expect(letter).toMatchObject({
      direction: 'outbound',
      code: 'transport_failed',
      message: expect.stringContaining('已尝试 5 次仍失败：部门系统返回 HTTP 503'),
    });
    const log = await call('bridge', integrator(MARKET.code), 'GET', `/exchange-log?applicationNumber=${application.applicationNumber}`);
    expect((log.body['items'] as Json[]).map((e) => e['status'])).toEqual([
      'dead-lettered',
      'retrying',
      'retrying',
      'retrying',
      'retrying',
    ]);
    // The log filters by status, direction and time on the server; a status it does not know is refused in Chinese.
    const filtered = (query: string) =>
      call('bridge', integrator(MARKET.code), 'GET', `/exchange-log?applicationNumber=${application.applicationNumber}&${query}`);
    expect(((await filtered('status=dead-lettered')).body['items'] as Json[]).map((e) => e['status'])).toEqual(['dead-lettered']);
    expect((await filtered('direction=outbound&status=retrying')).body['total']).toBe(4);
    expect((await filtered('direction=inbound')).body['total']).toBe(0);
    expect((await filtered(`from=${encodeURIComponent(since)}`)).body['total']).toBe(5);
    expect((await filtered(`to=${encodeURIComponent(since)}`)).body['total']).toBe(0);
    const unknown = await filtered('status=lost');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('交换状态只能是');

    await outage(false);
    const replay = await call('bridge', integrator(MARKET.code), 'POST', '/dead-letters/replay', {
      from: since,
      to: platform.clock.now().toISOString(),
      adapterId: 'dcf-scjgj-qydj',
    });
    expect(replay.body).toMatchObject({ replayed: 1, lines: [{ deadLetterId: letter['id'], outcome: 'requeued' }] });
    const deliveries = await call('bridge', integrator(MARKET.code), 'GET', '/deliveries?status=acknowledged');
    expect((deliveries.body['items'] as Json[]).some((d) => d['partId'] === part.partId)).toBe(true);
  });

  it('dead-letters a delivery a wrong code table cannot map, takes the fixed mapping on reload without a restart, and delivers it on replay', async () => {
    const partyKind = (label: string) =>
      setOutboundCodeTableEntry(demo.adaptersFile, { adapterId: 'dcf-scjgj-qydj', table: '主体类型', code: '2', label });
    try {
      await partyKind('organization');
      expect((await call('bridge', integrator(MARKET.code), 'POST', '/adapters/reload')).status).toBe(403);
      const broken = await call('bridge', admin, 'POST', '/adapters/reload');
      expect(broken.status).toBe(200);
      expect(broken.body).toMatchObject({
        outcome: 'applied',
        reloadedBy: '平台管理员（admin-1）',
        changedMappings: ['dcf-scjgj-qydj-outbound'],
        file: demo.adaptersFile,
      });

      const part = anApplicationPart({
        itemCode: 'DCF-SCJG-DJ-002',
        itemName: '企业变更登记',
        department: MARKET,
        handledInDepartmentSystem: true,
        supervisingDepartments: [MARKET],
      });
      const application = anApplicationAccepted({
        applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        parts: [part],
      });
      await publish(Topics.ApplicationAccepted, application);
      const letter = await eventually(async () => {
        const letters = await call('bridge', admin, 'GET', '/dead-letters?adapterId=dcf-scjgj-qydj&status=open&pageSize=100');
        const found = (letters.body['items'] as Json[]).find((l) => l['applicationNumber'] === application.applicationNumber);
        expect(found).toBeDefined();
        return found as Json;
      });
      expect(letter).toMatchObject({ direction: 'outbound', code: 'code_unmapped' });

      // A file that does not parse, or asks for a restart, is refused by path; the configuration in force stays.
      const good = await readFile(demo.adaptersFile, 'utf8');
      await writeFile(demo.adaptersFile, good.replace('"maxAttempts": 5', '"maxAttempts": 0'));
      const refused = await call('bridge', admin, 'POST', '/adapters/reload');
      expect(refused.status).toBe(422);
      expect((refused.body['error'] as { fields: Json[] }).fields).toEqual([
        expect.objectContaining({ path: 'adapters[0].outbound.maxAttempts' }),
      ]);
      await writeFile(demo.adaptersFile, good);

      await partyKind('organisation');
      const fixed = await call('bridge', admin, 'POST', '/adapters/reload');
      expect(fixed.body).toMatchObject({ outcome: 'applied', changedMappings: ['dcf-scjgj-qydj-outbound'] });
      const reloads = await call('bridge', admin, 'GET', '/adapters/reloads');
      expect((reloads.body as unknown as Json[]).slice(0, 3).map((r) => r['outcome'])).toEqual(['applied', 'refused', 'applied']);

      const replay = await call('bridge', admin, 'POST', '/dead-letters/replay', { ids: [letter['id']] });
      expect(replay.body).toMatchObject({ replayed: 1, lines: [{ deadLetterId: letter['id'], outcome: 'requeued' }] });
      await eventually(async () => {
        const deliveries = await call('bridge', admin, 'GET', '/deliveries?status=acknowledged&pageSize=100');
        expect((deliveries.body['items'] as Json[]).some((d) => d['partId'] === part.partId)).toBe(true);
      });
    } finally {
      await partyKind('organisation');
      await call('bridge', admin, 'POST', '/adapters/reload');
    }
  });

  it('keeps a part for a department system nobody has connected yet waiting, with the reason', async () => {
    const part = anApplicationPart({
      itemCode: 'DCF-GA-BA-003',
      itemName: '公章刻制备案',
      department: { code: 'DCF-GAJ', name: '东昌府区公安分局' },
      handledInDepartmentSystem: true,
    });
    const application = anApplicationAccepted({
      applicationNumber: `YC20260305${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      parts: [part],
    });
    await publish(Topics.ApplicationAccepted, application);
    const waiting = await eventually(async () => {
      const deliveries = await call('bridge', admin, 'GET', '/deliveries?status=pending');
      const found = (deliveries.body['items'] as Json[]).find((d) => d['partId'] === part.partId);
      expect(found).toBeDefined();
      return found as Json;
    });
    expect(waiting).toMatchObject({ adapterId: null, attempts: 0, lastError: '没有配置接收该事项的部门系统适配器' });
  });

  it('sends each department system its own share of a bundle filed with one form (一表申请), in its own format', async () => {
    const company = {
      creditCode: aCreditCode({ organisation: 'MA3T4K9D2' }),
      name: '聊城市东昌府区运河人家餐饮有限公司',
      phone: '13906351188',
    };
    const filed = await fileAtWindow(platform.urls.intake, clerk, {
      bundleCode: 'DCF-YJS-KBCYD',
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
      situations: RESTAURANT_BUNDLE_SITUATIONS,
      ...aRestaurantBundleForm(company),
      allOtherMaterialsProvided: true,
    });
    const application = (await filed.json()) as Json;
    expect(filed.status).toBe(201);
    const number = String(application['number']);

    // 市场监管局 (JSON REST): the company registration's answers, capital in 万元, shareholders.
    const market = await eventually(async () => {
      const list = (await (await fetch(`${demo.market.url}/api/sl`)).json()) as { items: Array<{ body: Json }> };
      const mine = list.items.find((r) => (r.body['BJXX'] as Json)['SLBH'] === number);
      expect(mine).toBeDefined();
      return mine!.body;
    });
    expect(market['QYXX']).toMatchObject({ QYMC: company.name, ZS: { XZQH: '371502' } });
    expect((market['GDXX'] as Json[]).length).toBeGreaterThan(0);
    expect(market).not.toHaveProperty('CSXX');

    // 卫健委 (GBK XML): the hygiene licence's answers only, yes/no as 是/否.
    const health = await eventually(async () => {
      const names = (await readdir(demo.health.outbox)).filter((name) => name.startsWith(number));
      expect(names).toHaveLength(1);
      return iconv.decode(await readFile(join(demo.health.outbox, names[0] as string)), 'gbk');
    });
    expect(health).toContain('<LB>CY</LB>');
    expect(health).toContain('<JZKT>否</JZKT>');
    expect(health).toContain('<XXDZ>古楼街道东关街88号</XXDZ>');
    expect(health).not.toContain('<GDXX>');

    // 消防 (its table): the fire inspection's answers in its columns.
    const row = await eventually(async () => {
      const rows = await platform.query<Json>('bridge', `SELECT * FROM "${demo.fire.schema}".xf_slxx WHERE slbh = $1`, [number]);
      expect(rows).toHaveLength(1);
      return rows[0] as Json;
    });
    expect(row).toMatchObject({ cslx: '03', aqcks: 2, zdpsxt: 1, xfglr: '王建国', csdz: '古楼街道东关街88号' });
  });

  it('rate-limits refused webhook calls per adapter and address and logs them as a summary, not one chain entry each', async () => {
    const today = localDateInShanghai(platform.clock.now());
    const reconciliationRefused = async () =>
      Number(
        (
          (await call('bridge', integrator(MARKET.code), 'GET', `/adapters/dcf-scjgj-qydj/reconciliation?date=${today}`)).body[
            'counts'
          ] as Json
        )['refused'],
      );
    const refusedBefore = await reconciliationRefused();
    const chainRows = async () =>
      Number(
        (
          await platform.query<{ count: string }>(
            'bridge',
            "SELECT count(*) AS count FROM $schema.exchange_log WHERE adapter_id = 'dcf-scjgj-qydj' AND status = 'refused'",
          )
        )[0]?.count,
      );
    const rowsBefore = await chainRows();

    const body = JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-FLOOD', PTBJBH: randomUUID(), BJJGDM: '1' } });
    const statuses: number[] = [];
    let tooMany: Response | undefined;
    for (let i = 0; i < 40; i += 1) {
      const answer = await webhook('dcf-scjgj-qydj/result', body, signed(body, 'not-the-department-key'));
      statuses.push(answer.status);
      if (answer.status === 429) tooMany = answer;
      else await answer.body?.cancel();
    }
    // Default limit 20 in any sixty seconds per adapter and address: the first ones are checked and refused, then 429 — also across the turn of a minute.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.slice(-10)).toEqual(Array(10).fill(429));
    expect(Number(tooMany?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await tooMany?.json()) as { error: Json }).error).toMatchObject({
      code: 'TOO_MANY_REFUSALS',
      message: expect.stringContaining('被拒收次数过多'),
    });

    // At most the minute's first refusal went to the hash chain at once (two if the minute turned meanwhile).
    expect((await chainRows()) - rowsBefore).toBeLessThanOrEqual(2);
    // The reconciliation writes the minute's summary first and counts every refused call.
    expect((await reconciliationRefused()) - refusedBefore).toBe(40);
    expect((await chainRows()) - rowsBefore).toBeLessThanOrEqual(4);
    const metrics = (await callApi(platform.urls.bridge, null, 'GET', '/metrics')).text;
    expect(metrics).toMatch(
      /onewindow_bridge_webhook_refusals_total\{[^}]*adapter="dcf-scjgj-qydj"[^}]*code="TOO_MANY_REFUSALS"[^}]*\} [1-9]/,
    );
    const verified = await call('bridge', admin, 'GET', '/exchange-log/verify');
    expect(verified.body).toMatchObject({ intact: true, break: null });
  });

  it('refuses a webhook body over 5 MB with 413 in the one error shape, before checking its signature', async () => {
    const body = JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-HUGE', PTBJBH: randomUUID(), BJJGDM: '1', BZ: '备注'.repeat(3 * 1024 * 1024) } });
    const answer = await webhook('dcf-scjgj-qydj/result', body, signed(body));
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: Json }).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容过大（不能超过5MB）',
      fields: [],
    });
  });

  it('keeps every exchange in a hash chain that verifies', async () => {
    const verified = await call('bridge', admin, 'GET', '/exchange-log/verify');
    expect(verified.body).toMatchObject({ intact: true, break: null });
    expect(Number(verified.body['checked'])).toBeGreaterThan(5);
    const dataSource = platform.services.bridge.dataSource;
    const schema = (dataSource.options as { schema: string }).schema;
    await dataSource.query(`UPDATE "${schema}".exchange_log SET detail = '已确认' WHERE seq = 2`);
    const broken = await call('bridge', admin, 'GET', '/exchange-log/verify');
    expect(broken.body).toMatchObject({ intact: false, break: { seq: '2', problem: 'hash_mismatch' } });
  });
});
