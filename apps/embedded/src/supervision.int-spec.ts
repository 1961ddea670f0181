/**
 * 审管互动 and 电子监察 over real Kafka and PostgreSQL: a licence issued at the window's end
 * reaches every supervising department at once; unacknowledged notices escalate on a
 * controllable clock; supervision records flow back to approval's credit gate; a false pledge
 * revokes the licence end to end; the monitoring read model's KPIs, monthly report and rebuild.
 */
import { randomUUID } from 'node:crypto';
import { Topics, type TopicDefinition } from '@onewindow/contracts';
import { aLicenceIssued } from '@onewindow/contracts/testing';
import { localDateInShanghai } from '@onewindow/domain';
import { aResidentId, aUniqueCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken, ManualClock, type Role } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  aDemoForm,
  callApi,
  decideCase,
  eventually,
  fileAtWindow,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
const MARKET = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };
const HEALTH = { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' };
const HOUSING = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };
const ENVIRONMENT = { code: 'DCF-STHJ', name: '聊城市生态环境局东昌府分局' };
const ENFORCEMENT = { code: 'DCF-ZHZF', name: '东昌府区综合行政执法局' };
const SEWAGE_PERMIT = 'DCF-ZJ-XK-011';
const CONSTRUCTION_PERMIT = 'DCF-ZJ-XK-012';
const ROAD_OCCUPATION = 'DCF-ZF-XK-003';
const HOUR = 3_600_000;
// Tokens are checked on the service clock, which these tests move weeks ahead: they last a year.
const YEAR = 365 * 24 * 3600;
const clerk = issueToken({ id: 'clerk-9', name: '孙窗口', role: 'clerk', level: 'district' }, secret, YEAR);
const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret, YEAR);
const manager = issueToken({ id: 'manager-1', name: '电子监察室', role: 'manager' }, secret, YEAR);

function tokenOf(role: Role, department: { code: string }, id = `${role}-${department.code}`, name = '赵监管'): string {
  return issueToken({ id, name, role, department: department.code }, secret, YEAR);
}
const supervisorOf = (department: { code: string }) => tokenOf('supervisor', department);
const headOf = (department: { code: string }) => tokenOf('supervisor-head', department, `head-${department.code}`, '钱局长');
const approverOf = (department: { code: string }) => tokenOf('approver', department, `approver-${department.code}`, '王审批');

describe('supervision: 审管互动 and 电子监察', () => {
  let platform: TestPlatform;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'supervision',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision'],
      env: { DEADLINE_WATCH_INTERVAL_MS: '0', NOTICE_WATCH_INTERVAL_MS: '0', NOTICE_ACKNOWLEDGE_HOURS: '72' },
      clock,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(service: 'intake' | 'approval' | 'supervision', token: string, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  function publish<T extends object>(topic: TopicDefinition<T>, data: T): Promise<string> {
    return platform.publishEvent(topic, data);
  }

  /** Files at the window with every material present (or pledged) and waits for the case in the department's queue. */
  async function fileAndFindCase(
    itemCode: string,
    department: { code: string },
    options: { pledged?: string[]; creditCode?: string } = {},
  ) {
    const company = { name: '聊城市东昌府区古城建设工程有限公司', creditCode: options.creditCode ?? aUniqueCreditCode() };
    const filing = {
      ...aConstructionPermitFiling({ companyName: company.name, creditCode: company.creditCode }),
      itemCodes: [itemCode],
      ...aDemoForm(itemCode, company),
      ...(options.pledged ? { materials: options.pledged.map((materialCode) => ({ itemCode, materialCode, finding: 'pledged' })) } : {}),
    };
    const filed = await fileAtWindow(platform.urls.intake, clerk, filing);
    expect(filed.status).toBe(201);
    const application = (await filed.json()) as Json;
    const approvalCase = await eventually(async () => {
      const queue = await call('approval', approverOf(department), 'GET', `/cases?applicationNumber=${String(application['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    return { application, approvalCase };
  }

  async function approve(department: { code: string }, approvalCase: Json): Promise<Json> {
    const decided = await decideCase(platform.urls.approval, approverOf(department), String(approvalCase['id']), { outcome: 'approved' });
    expect(decided.status).toBe(201);
    return decided.body;
  }

  async function noticesOf(token: string, query = ''): Promise<Json[]> {
    const inbox = await call('supervision', token, 'GET', `/notices?pageSize=100${query}`);
    expect(inbox.status).toBe(200);
    return inbox.body['items'] as Json[];
  }

  function outboxCount(service: 'approval' | 'supervision', topic: string, key: string): Promise<number> {
    return platform.outboxCount(service, topic, key);
  }

  it('tells both supervising departments of a licence issued at the window, each seeing its own notice only', async () => {
    const { application, approvalCase } = await fileAndFindCase(SEWAGE_PERMIT, HOUSING);
    const decided = await approve(HOUSING, approvalCase);
    const holder = (application['applicant'] as Json)['identifier'];

    const housingNotices = await eventually(async () => {
      const found = await noticesOf(supervisorOf(HOUSING), `&holder=${String(holder)}`);
      expect(found).toHaveLength(1);
      return found;
    });
    const environmentNotices = await eventually(async () => {
      const found = await noticesOf(supervisorOf(ENVIRONMENT), `&holder=${String(holder)}`);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(housingNotices[0]).toMatchObject({
      licenceId: decided['licenceId'],
      itemCode: SEWAGE_PERMIT,
      departmentCode: HOUSING.code,
      status: 'pending',
    });
    expect(environmentNotices[0]).toMatchObject({
      licenceId: decided['licenceId'],
      departmentCode: ENVIRONMENT.code,
      departmentName: ENVIRONMENT.name,
    });
    // 72 hours from the notice, on the service clock.
    expect(Date.parse(String(housingNotices[0]!['acknowledgeBy'])) - Date.parse(String(housingNotices[0]!['createdAt']))).toBe(72 * HOUR);
    // Another department's notice is not found, not even to acknowledge it.
    expect(await noticesOf(supervisorOf(HEALTH), `&holder=${String(holder)}`)).toEqual([]);
    const stranger = await call(
      'supervision',
      supervisorOf(ENVIRONMENT),
      'POST',
      `/notices/${String(housingNotices[0]!['id'])}/acknowledge`,
    );
    expect(stranger.status).toBe(404);

    const acknowledged = await call(
      'supervision',
      supervisorOf(HOUSING),
      'POST',
      `/notices/${String(housingNotices[0]!['id'])}/acknowledge`,
    );
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: `supervisor-${HOUSING.code}` });
    await call('supervision', supervisorOf(HOUSING), 'POST', `/notices/${String(housingNotices[0]!['id'])}/acknowledge`);
    expect(await outboxCount('supervision', Topics.SupervisionNoticeAcknowledged.name, String(application['id']))).toBe(1);
    expect(await noticesOf(supervisorOf(HOUSING), '&status=pending&holder=' + String(holder))).toEqual([]);
  });

  it('escalates a notice nobody acknowledged once its deadline has passed, once, to the department head', async () => {
    const licence = aLicenceIssued({
      holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: aUniqueCreditCode() },
      supervisingDepartments: [MARKET, HEALTH],
      issuedAt: clock.now().toISOString(),
    });
    await publish(Topics.LicenceIssued, licence);
    const [marketNotice] = await eventually(async () => {
      const found = await noticesOf(supervisorOf(MARKET), `&status=pending`);
      const mine = found.filter((n) => n['licenceId'] === licence.licenceId);
      expect(mine).toHaveLength(1);
      return mine;
    });
    await eventually(async () =>
      expect((await noticesOf(supervisorOf(HEALTH))).some((n) => n['licenceId'] === licence.licenceId)).toBe(true),
    );
    // The same licence announced again (a new event id) tells nobody twice.
    const again = await publish(Topics.LicenceIssued, licence);
    await eventually(async () =>
      expect(
        await platform.query(
          'supervision',
          `SELECT 1 FROM $schema.processed_event WHERE consumer = 'supervision.create-notices-when-licence-issued' AND event_id = $1`,
          [again],
        ),
      ).toHaveLength(1),
    );
    expect(await outboxCount('supervision', Topics.SupervisionNoticeCreated.name, licence.applicationId)).toBe(2);
    expect((await call('supervision', supervisorOf(MARKET), 'POST', `/notices/${String(marketNotice!['id'])}/acknowledge`)).status).toBe(
      200,
    );

    const start = clock.now();
    try {
      expect((await call('supervision', admin, 'POST', '/notices/escalation-scan')).body).toMatchObject({ escalated: 0 });
      clock.advance(72 * HOUR + 60_000);
      const scanned = await call('supervision', admin, 'POST', '/notices/escalation-scan');
      expect(scanned.body['escalated']).toBeGreaterThanOrEqual(1);
      expect((await call('supervision', admin, 'POST', '/notices/escalation-scan')).body).toMatchObject({ escalated: 0 });

      const healthHead = await call('supervision', headOf(HEALTH), 'GET', '/notices/escalated?pageSize=100');
      expect(healthHead.status).toBe(200);
      const escalated = (healthHead.body['items'] as Json[]).find((n) => n['licenceId'] === licence.licenceId) as Json;
      expect(escalated).toMatchObject({ departmentCode: HEALTH.code, status: 'escalated', escalatedAt: clock.now().toISOString() });
      // 卫健委 supervises an item it does not approve: its monthly report names the item, not only its code.
      const noticeMonth = localDateInShanghai(start).slice(0, 7);
      const healthCsv = await call(
        'supervision',
        manager,
        'GET',
        `/monitoring/reports/${noticeMonth}/report.csv?department=${HEALTH.code}`,
      );
      expect(healthCsv.text).toContain(`${licence.itemCode},${licence.itemName},`);
      expect(healthHead.body['counts']).toEqual([
        expect.objectContaining({ departmentCode: HEALTH.code, departmentName: HEALTH.name, escalated: expect.any(Number) }),
      ]);
      // The centre's view of every department names each one in Chinese, not by its code.
      const everyDepartment = await call('supervision', manager, 'GET', '/notices/escalated?pageSize=1');
      expect(everyDepartment.body['counts']).toContainEqual(
        expect.objectContaining({ departmentCode: HEALTH.code, departmentName: HEALTH.name }),
      );
      // The acknowledged notice stays as it was; the market's head has nothing of this licence.
      const marketHead = await call('supervision', headOf(MARKET), 'GET', '/notices/escalated?pageSize=100');
      expect((marketHead.body['items'] as Json[]).some((n) => n['licenceId'] === licence.licenceId)).toBe(false);
      expect((await call('supervision', supervisorOf(HEALTH), 'GET', '/notices/escalated')).status).toBe(403);
      expect(await outboxCount('supervision', Topics.SupervisionNoticeEscalated.name, licence.applicationId)).toBe(1);

      const late = await call('supervision', headOf(HEALTH), 'POST', `/notices/${String(escalated['id'])}/acknowledge`);
      expect(late.body).toMatchObject({ status: 'acknowledged', escalatedAt: expect.any(String) });
      const schema = (platform.services.supervision.dataSource.options as { schema: string }).schema;
      const [event] = await platform.services.supervision.dataSource.query(
        `SELECT envelope->'data' AS data FROM "${schema}".outbox_message WHERE topic = $1 AND envelope->'data'->>'noticeId' = $2`,
        [Topics.SupervisionNoticeAcknowledged.name, escalated['id']],
      );
      expect(event.data).toMatchObject({ onTime: false, acknowledgedBy: { name: '钱局长' } });
    } finally {
      clock.set(start);
    }
  });

  it('publishes a supervision record back to approval, refusing bad input field by field with nothing stored', async () => {
    const supervisor = supervisorOf(MARKET);
    const identifier = aUniqueCreditCode();
    const bad = await call('supervision', supervisor, 'POST', '/records', {
      kind: 'penalty',
      holder: { kind: 'person', name: '张建国', identifier },
      title: '',
      decidedOn: '2099-01-01',
      validUntil: 'soon',
    });
    expect(bad.status).toBe(400);
    const paths = ((bad.body['error'] as Json)['fields'] as Json[]).map((f) => f['path']);
    expect(paths).toEqual(expect.arrayContaining(['title', 'validUntil']));
    expect(((bad.body['error'] as Json)['fields'] as Json[]).every((f) => /[\u4e00-\u9fff]/.test(String(f['message'])))).toBe(true);
    const crossField = await call('supervision', supervisor, 'POST', '/records', {
      kind: 'penalty',
      holder: { kind: 'person', name: '张建国', identifier },
      title: '未取得许可从事食品经营',
      decidedOn: '2099-01-01',
    });
    expect(crossField.status).toBe(400);
    expect(((crossField.body['error'] as Json)['fields'] as Json[]).map((f) => f['path'])).toEqual([
      'holder.identifier',
      'decidedOn',
      'documentNumber',
    ]);
    expect((await call('supervision', supervisor, 'GET', `/holders/${identifier}/records`)).body['total']).toBe(0);
    expect((await call('supervision', supervisor, 'GET', '/holders/not-an-id/records')).body).toMatchObject({
      error: { fields: [{ path: 'identifier', code: 'MATCHES', message: '证件号码应为18位数字或大写字母' }] },
    });

    const today = localDateInShanghai(clock.now());
    const published = await call('supervision', supervisor, 'POST', '/records', {
      kind: 'penalty',
      holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier },
      title: '未按规定公示年度报告',
      documentNumber: '东市监罚〔2026〕15号',
      decidedOn: today,
    });
    expect(published.status).toBe(201);
    const person = aResidentId();
    const inspection = await call('supervision', supervisorOf(HEALTH), 'POST', '/records', {
      kind: 'inspection',
      holder: { kind: 'person', name: '李秀英', identifier: person },
      title: '公共场所卫生监督检查：符合要求',
      decidedOn: today,
    });
    expect(inspection.status).toBe(201);
    expect((await call('supervision', supervisorOf(HEALTH), 'GET', `/holders/${identifier}/records`)).body).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ kind: 'penalty', departmentName: MARKET.name, source: 'supervisor' })],
    });

    const approval = platform.services.approval.dataSource;
    const approvalSchema = (approval.options as { schema: string }).schema;
    await eventually(async () => {
      const rows = await approval.query(
        `SELECT kind, title, withdrawn FROM "${approvalSchema}".holder_record WHERE holder_identifier = $1`,
        [identifier],
      );
      expect(rows).toEqual([{ kind: 'penalty', title: '未按规定公示年度报告', withdrawn: false }]);
    });
    clock.advance(60_000); // the withdrawal is a later version of the record
    const withdrawn = await call('supervision', supervisor, 'POST', `/records/${String(published.body['id'])}/withdrawal`, {
      reason: '行政复议撤销原处罚决定',
    });
    expect(withdrawn.body).toMatchObject({ withdrawn: true });
    expect(
      (
        await call('supervision', supervisorOf(HEALTH), 'POST', `/records/${String(published.body['id'])}/withdrawal`, {
          reason: '越权撤回',
        })
      ).status,
    ).toBe(404);
    await eventually(async () => {
      const rows = await approval.query(`SELECT withdrawn FROM "${approvalSchema}".holder_record WHERE holder_identifier = $1`, [
        identifier,
      ]);
      expect(rows).toEqual([{ withdrawn: true }]);
    });
  });

  it('revokes a licence issued on a false pledge, end to end, and blacklists the holder', async () => {
    const creditCode = aUniqueCreditCode();
    const { application, approvalCase } = await fileAndFindCase(CONSTRUCTION_PERMIT, HOUSING, { pledged: ['M04'], creditCode });
    const decided = await approve(HOUSING, approvalCase);
    const supervisor = supervisorOf(HOUSING);
    const task = await eventually(async () => {
      const list = await call('supervision', supervisor, 'GET', '/pledge-verifications?status=open&pageSize=100');
      const found = (list.body['items'] as Json[]).find((t) => t['licenceId'] === decided['licenceId']);
      expect(found).toBeDefined();
      return found as Json;
    });
    expect(task).toMatchObject({
      departmentCode: HOUSING.code,
      pledges: [expect.objectContaining({ materialCode: 'M04' })],
      status: 'open',
    });
    expect(String(task['dueOn']) > localDateInShanghai(clock.now())).toBe(true);
    expect(
      (
        await call('supervision', supervisorOf(ENVIRONMENT), 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
          truthful: true,
          finding: '属实',
        })
      ).status,
    ).toBe(404);

    const noDocument = await call('supervision', supervisor, 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
      truthful: false,
      finding: '建设资金未落实',
    });
    expect(noDocument.status).toBe(400);
    expect(noDocument.body).toMatchObject({
      error: { fields: [expect.objectContaining({ path: 'documentNumber', message: '承诺不实须填写失信认定决定书文号' })] },
    });

    const found = await call('supervision', supervisor, 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
      truthful: false,
      finding: '经核查，建设单位账户资金不足合同价款的30%，建设资金未落实',
      documentNumber: '东住建信〔2026〕3号',
    });
    expect(found.body).toMatchObject({ status: 'false-pledge', revocationRequestId: expect.any(String), recordId: expect.any(String) });
    const again = await call('supervision', supervisor, 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
      truthful: true,
      finding: '重复提交',
    });
    expect(again.body).toMatchObject({ error: { code: 'VERIFICATION_CLOSED' } });

    const licence = await eventually(async () => {
      const current = await call('approval', approverOf(HOUSING), 'GET', `/licences/${String(decided['licenceId'])}`);
      expect(current.body).toMatchObject({ status: 'revoked', revocationRequestId: found.body['revocationRequestId'] });
      return current.body;
    });
    expect(String(licence['revocationReason'])).toContain('承诺不实');
    expect(await outboxCount('approval', Topics.LicenceRevoked.name, String(application['id']))).toBe(1);
    // The revoked event reaches the monitoring read model; the blacklist entry reaches the credit gate.
    const supervision = platform.services.supervision.dataSource;
    const schema = (supervision.options as { schema: string }).schema;
    await eventually(async () => {
      const [row] = await supervision.query(
        `SELECT revoked_at IS NOT NULL AS revoked FROM "${schema}".monitoring_licence WHERE licence_id = $1`,
        [decided['licenceId']],
      );
      expect(row).toEqual({ revoked: true });
    });
    const approval = platform.services.approval.dataSource;
    await eventually(async () => {
      const rows = await approval.query(
        `SELECT kind, title FROM "${(approval.options as { schema: string }).schema}".holder_record WHERE holder_identifier = $1`,
        [creditCode],
      );
      expect(rows).toEqual([{ kind: 'blacklist', title: '告知承诺不实（建筑工程施工许可证核发）' }]);
    });
  });

  it('refuses a pledge or 容缺 from a blacklisted applicant at the window, with the reason, and accepts the same filing with every material', async () => {
    const creditCode = aUniqueCreditCode();
    const blacklisted = await call('supervision', supervisorOf(HOUSING), 'POST', '/records', {
      kind: 'blacklist',
      holder: { kind: 'organisation', name: '聊城市东昌府区诚达建设工程有限公司', identifier: creditCode },
      title: '拖欠农民工工资列入失信联合惩戒对象名单',
      documentNumber: '东住建信〔2026〕11号',
      decidedOn: localDateInShanghai(clock.now()),
    });
    expect(blacklisted.status).toBe(201);
    // The window's copy of the credit status is fed by supervision's record events, not a call.
    const status = await eventually(async () => {
      const response = await call('intake', clerk, 'GET', `/applicants/${creditCode}/credit`);
      expect(response.body).toMatchObject({ blacklisted: true });
      return response.body;
    });
    expect(status).toMatchObject({
      toleranceAllowed: false,
      entries: [expect.objectContaining({ title: '拖欠农民工工资列入失信联合惩戒对象名单', departmentName: HOUSING.name })],
    });

    const filing = {
      ...aConstructionPermitFiling({ companyName: '聊城市东昌府区诚达建设工程有限公司', creditCode }),
      itemCodes: [CONSTRUCTION_PERMIT],
      materials: [
        { itemCode: CONSTRUCTION_PERMIT, materialCode: 'M04', finding: 'pledged' },
        {
          itemCode: CONSTRUCTION_PERMIT,
          materialCode: 'M05',
          finding: 'to-follow',
          dueDate: localDateInShanghai(new Date(clock.now().getTime() + 10 * 24 * HOUR)),
        },
      ],
    };
    const refused = await fileAtWindow(platform.urls.intake, clerk, filing);
    expect(refused.status).toBe(422);
    const error = ((await refused.json()) as Json)['error'] as Json;
    expect(error['fields']).toEqual([
      expect.objectContaining({
        path: 'materials[0].finding',
        code: 'CREDIT_NO_TOLERANCE',
        message: expect.stringMatching(/失信.*拖欠农民工工资.*不适用告知承诺.*一般程序/),
      }),
      expect.objectContaining({
        path: 'materials[1].finding',
        code: 'CREDIT_NO_TOLERANCE',
        message: expect.stringMatching(/不适用容缺受理/),
      }),
    ]);
    // Normal acceptance: every material handed in.
    const normal = await fileAtWindow(platform.urls.intake, clerk, { ...filing, materials: [] });
    expect(normal.status).toBe(201);
    expect(((await normal.json()) as Json)['status']).toBe('accepted');
  });

  it('closes a verification task when the pledge holds, and nothing is revoked', async () => {
    const licence = aLicenceIssued({
      issuingDepartment: MARKET,
      supervisingDepartments: [HEALTH, MARKET],
      pledges: [{ materialCode: 'M05', materialName: '住所（经营场所）使用证明' }],
      issuedAt: clock.now().toISOString(),
    });
    await publish(Topics.LicenceIssued, licence);
    await publish(Topics.LicenceIssued, licence);
    const task = await eventually(async () => {
      const list = await call('supervision', supervisorOf(MARKET), 'GET', '/pledge-verifications?pageSize=100');
      const found = (list.body['items'] as Json[]).filter((t) => t['licenceId'] === licence.licenceId);
      expect(found).toHaveLength(1);
      return found[0] as Json;
    });
    const overdueIds = async () =>
      (
        (await call('supervision', supervisorOf(MARKET), 'GET', '/pledge-verifications?overdue=true&pageSize=100')).body['items'] as Json[]
      ).map((t) => t['id']);
    expect(await overdueIds()).not.toContain(task['id']);
    const start = clock.now();
    try {
      clock.advance(31 * 24 * HOUR); // past the 30 days (PLEDGE_VERIFICATION_DAYS)
      expect(await overdueIds()).toContain(task['id']);
    } finally {
      clock.set(start);
    }
    const verified = await call('supervision', supervisorOf(MARKET), 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
      truthful: true,
      finding: '经现场核查，经营场所租赁协议真实有效，与承诺一致',
    });
    expect(verified.body).toMatchObject({ status: 'verified', revocationRequestId: null, recordId: null });
    expect(await outboxCount('supervision', Topics.RevocationRequested.name, licence.applicationId)).toBe(0);
  });

  it('computes the KPIs of cases flowing through the window and approval, and prints the monthly report', async () => {
    const filed = await Promise.all([0, 1, 2].map(() => fileAndFindCase(ROAD_OCCUPATION, ENFORCEMENT)));
    const licences = [await approve(ENFORCEMENT, filed[0]!.approvalCase), await approve(ENFORCEMENT, filed[1]!.approvalCase)];
    const enforcementNotices = await eventually(async () => {
      const found = (await noticesOf(supervisorOf(ENFORCEMENT))).filter((n) => licences.some((l) => l['licenceId'] === n['licenceId']));
      expect(found).toHaveLength(2);
      return found;
    });
    await call('supervision', supervisorOf(ENFORCEMENT), 'POST', `/notices/${String(enforcementNotices[0]!['id'])}/acknowledge`);
    // A rating and its rectification, as intake announces them (the issuance round trip is intake's suite),
    // the answer first: the read model takes events of different topics in any order.
    const ratedApplication = String(filed[0]!.application['id']);
    const rectificationId = randomUUID();
    await publish(Topics.RectificationAnswered, {
      rectificationId,
      applicationId: ratedApplication,
      department: ENFORCEMENT,
      dueDate: localDateInShanghai(clock.now()),
      answeredAt: clock.now().toISOString(),
      onTime: true,
    });
    await publish(Topics.RatingSubmitted, {
      ratingId: randomUUID(),
      applicationId: ratedApplication,
      applicationNumber: String(filed[0]!.application['number']),
      level: 2,
      department: ENFORCEMENT,
      rectificationId,
      ratedAt: clock.now().toISOString(),
    });

    const kpis = await eventually(async () => {
      const response = await call('supervision', manager, 'GET', `/monitoring/kpis?itemCode=${ROAD_OCCUPATION}`);
      expect(response.body['overall']).toMatchObject({ cases: 3, decided: 2, notices: 2 });
      expect(response.body['overall']).toMatchObject({ noticeAcknowledgedRate: { numerator: 1, denominator: 2 } });
      return response.body['overall'] as Json;
    });
    // By hand: three cases, two decided the day they were filed, each 3 committed of 20 legal working days.
    expect(kpis).toMatchObject({
      open: 1,
      completionRate: { numerator: 2, denominator: 3, value: 0.6667 },
      onTimeRate: { numerator: 2, denominator: 2, value: 1 },
      promiseCompressionRate: { numerator: 51, denominator: 60, value: 0.85 },
      onlineRate: { numerator: 0, denominator: 3, value: 0 },
      oneWindowRate: { numerator: 3, denominator: 3, value: 1 },
      visitsPerCase: { numerator: 0, denominator: 0, value: null },
      noticePushedOnTimeRate: { numerator: 2, denominator: 2, value: 1 },
      noticeAcknowledgedOnTimeRate: { numerator: 1, denominator: 2, value: 0.5 },
    });
    const byDepartment = await eventually(async () => {
      const response = await call('supervision', manager, 'GET', `/monitoring/kpis?department=${ENFORCEMENT.code}&groupBy=item`);
      expect(response.body['overall']).toMatchObject({ rectificationRate: { numerator: 1, denominator: 1 } });
      return response.body;
    });
    expect((byDepartment['groups'] as Json[]).map((g) => g['key'])).toEqual([ROAD_OCCUPATION]);
    // The rating counts under the item the department handled: 满意率 by item is not empty.
    expect((byDepartment['groups'] as Json[])[0]).toMatchObject({ kpis: { satisfactionRate: { numerator: 0, denominator: 1, value: 0 } } });
    expect(byDepartment['overall']).toMatchObject({ satisfactionRate: { numerator: 0, denominator: 1, value: 0 } });
    // A supervisor sees only their own department's figures.
    expect((await call('supervision', supervisorOf(HEALTH), 'GET', `/monitoring/kpis?department=${ENFORCEMENT.code}`)).status).toBe(403);
    expect((await call('supervision', supervisorOf(ENFORCEMENT), 'GET', '/monitoring/kpis')).body).toMatchObject({
      filter: { departmentCode: ENFORCEMENT.code },
    });
    expect((await call('supervision', manager, 'GET', '/monitoring/kpis?groupBy=week&from=2026-13')).body).toMatchObject({
      error: {
        fields: [
          expect.objectContaining({ path: 'groupBy' }),
          expect.objectContaining({ path: 'from', message: '起始月份格式应为YYYY-MM' }),
        ],
      },
    });

    // The open case goes past its deadline: approval turns it red, the monitoring lists it as overdue.
    const openCase = filed[2]!.approvalCase;
    const deadline = String(openCase['deadline']);
    const start = clock.now();
    try {
      clock.set(`${deadline}T02:00:00.000Z`);
      clock.advance(2 * 24 * HOUR);
      // Read before the deadline watch has run: past its deadline, the case reads red already (the colour is the clock's, not the last scan's).
      const beforeScan = await call(
        'supervision',
        manager,
        'GET',
        `/monitoring/cases?status=open&colour=red&department=${ENFORCEMENT.code}&pageSize=100`,
      );
      expect((beforeScan.body['items'] as Json[]).find((c) => c['caseId'] === openCase['id'])).toMatchObject({
        colour: 'red',
        overdue: true,
      });
      await call('approval', admin, 'POST', '/deadlines/scan');
      await eventually(async () => {
        const red = await call('supervision', manager, 'GET', `/monitoring/cases?colour=red&department=${ENFORCEMENT.code}&pageSize=100`);
        expect((red.body['items'] as Json[]).map((c) => c['caseId'])).toContain(openCase['id']);
      });
      const overdue = await call('supervision', supervisorOf(ENFORCEMENT), 'GET', '/monitoring/overdue?pageSize=100');
      expect((overdue.body['items'] as Json[]).map((c) => c['caseId'])).toContain(openCase['id']);

      const month = deadline.slice(0, 7);
      const csv = await call('supervision', manager, 'GET', `/monitoring/reports/${month}/report.csv?department=${ENFORCEMENT.code}`);
      expect(csv.type).toContain('text/csv');
      expect(csv.text).toContain(`${String(filed[2]!.application['number'])},${ROAD_OCCUPATION},临时占用城市道路许可,${deadline},,在办`);
      const html = await call('supervision', supervisorOf(ENFORCEMENT), 'GET', `/monitoring/reports/${month}/report.html`);
      expect(html.type).toContain('text/html');
      expect(html.text).toContain(`${ENFORCEMENT.name}${month.slice(0, 4)}年${Number(month.slice(5))}月政务服务电子监察月报`);
      expect(html.text).toContain('<svg');
      expect((await call('supervision', manager, 'GET', `/monitoring/reports/${month}`)).body).toMatchObject({
        error: { fields: [expect.objectContaining({ path: 'department' })] },
      });
      // The cases count in the month they were accepted, item by item.
      const acceptedIn = localDateInShanghai(start).slice(0, 7);
      const json = await call('supervision', manager, 'GET', `/monitoring/reports/${acceptedIn}?department=${ENFORCEMENT.code}`);
      expect(json.body['items']).toEqual([
        expect.objectContaining({
          itemCode: ROAD_OCCUPATION,
          itemName: '临时占用城市道路许可',
          kpis: expect.objectContaining({ cases: 3, decided: 2 }),
        }),
      ]);
    } finally {
      clock.set(start);
    }
  });

  it('documents every supervision endpoint in its OpenAPI description', async () => {
    const document = (await (await fetch(`${platform.urls.supervision}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/notices',
        '/notices/escalated',
        '/notices/{id}/acknowledge',
        '/records',
        '/holders/{identifier}/records',
        '/pledge-verifications/{id}/result',
        '/monitoring/kpis',
        '/monitoring/reports/{month}/report.html',
        '/monitoring/rebuild',
      ]),
    );
  });

  it('rebuilds the read model from its event log to exactly the live one', async () => {
    const supervision = platform.services.supervision;
    const schema = (supervision.dataSource.options as { schema: string }).schema;
    const tables = [
      'monitoring_application',
      'monitoring_case',
      'monitoring_case_clock',
      'monitoring_rating',
      'monitoring_rectification',
      'monitoring_licence',
      'monitoring_notice',
    ];
    const snapshot = async () => {
      const out: Record<string, string[]> = {};
      for (const table of tables) {
        const rows = (await supervision.dataSource.query(`SELECT * FROM "${schema}"."${table}"`)) as Json[];
        out[table] = rows.map((row) => JSON.stringify(row)).sort();
      }
      return out;
    };
    // Quiet first: every outbox sent and every event consumed, the same state read twice.
    const live = await eventually(async () => {
      for (const name of ['intake', 'approval', 'supervision'] as const) await platform.services[name].messaging.flushOutbox();
      expect(await supervision.messaging.consumerLag()).toBe(0);
      const first = await snapshot();
      expect(await snapshot()).toEqual(first);
      return first;
    });
    expect(live['monitoring_case']!.length).toBeGreaterThanOrEqual(5);
    expect(live['monitoring_rating']).toHaveLength(1);
    expect(live['monitoring_rectification']).toHaveLength(1);
    expect(live['monitoring_case_clock']!.length).toBeGreaterThanOrEqual(1);

    const rebuilt = await call('supervision', admin, 'POST', '/monitoring/rebuild');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body['events']).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(live);
    expect((await call('supervision', manager, 'POST', '/monitoring/rebuild')).status).toBe(403);
  });
});
