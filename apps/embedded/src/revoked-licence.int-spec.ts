/**
 * A revoked licence never leaves the window (real Kafka and PostgreSQL): a false pledge found in
 * verification revokes the licence at approval; the window then refuses to hand it out, the
 * applicant's progress shows the revocation and its reason, the applicant is told by SMS, and the
 * supervising department's open notice for the revoked licence is closed.
 */
import { Topics } from '@onewindow/contracts';
import { aLicenceIssued } from '@onewindow/contracts/testing';
import { aUniqueCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken, ManualClock, type Role } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  callApi,
  decideCase,
  eventually,
  fileAtWindow,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

/** The suite moves the services' clock: its tokens must outlast every time it sets. */
const TOKEN_TTL = 365 * 24 * 3600;

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
const HOUSING = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };
const CONSTRUCTION_PERMIT = 'DCF-ZJ-XK-012';
const PHONE = '13863518870';
const clerk = issueToken({ id: 'clerk-3', name: '周窗口', role: 'clerk', level: 'district' }, secret, TOKEN_TTL);
const tokenOf = (role: Role, id: string, name: string) => issueToken({ id, name, role, department: HOUSING.code }, secret, TOKEN_TTL);
const approver = tokenOf('approver', 'approver-zjj-1', '刘审批');
const supervisor = tokenOf('supervisor', 'supervisor-zjj-1', '赵监管');
const manager = issueToken({ id: 'manager-1', name: '电子监察室', role: 'manager' }, secret, TOKEN_TTL);

describe('a licence revoked after a false pledge', () => {
  let platform: TestPlatform;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'revoked',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision'],
      // The notice watch runs on its own (every 200 ms) on the test's clock.
      env: { DEADLINE_WATCH_INTERVAL_MS: '0', NOTICE_WATCH_INTERVAL_MS: '200', NOTICE_ACKNOWLEDGE_HOURS: '72' },
      clock,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const call = (service: 'intake' | 'approval' | 'supervision', token: string | null, method: string, path: string, body?: unknown) =>
    callApi<Json>(platform.urls[service], token, method, path, body);

  it('is refused at the window, shown in progress with its reason, told to the applicant, and its open notice closes', async () => {
    const creditCode = aUniqueCreditCode();
    const filing = {
      ...aConstructionPermitFiling({ companyName: '聊城市东昌府区运河建设工程有限公司', creditCode, phone: PHONE }),
      itemCodes: [CONSTRUCTION_PERMIT],
      materials: [{ itemCode: CONSTRUCTION_PERMIT, materialCode: 'M04', finding: 'pledged' }],
    };
    const filed = await fileAtWindow(platform.urls.intake, clerk, filing);
    expect(filed.status).toBe(201);
    const application = (await filed.json()) as Json;
    const approvalCase = await eventually(async () => {
      const queue = await call('approval', approver, 'GET', `/cases?applicationNumber=${String(application['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    const decided = await decideCase(platform.urls.approval, approver, String(approvalCase['id']), { outcome: 'approved' });
    expect(decided.status).toBe(201);
    const licenceId = String(decided.body['licenceId']);

    // The window has the decision; the supervising department has its notice, still pending.
    await eventually(async () =>
      expect((await call('intake', clerk, 'GET', `/applications/${String(application['id'])}`)).body['status']).toBe('decided'),
    );
    const notice = await eventually(async () => {
      const inbox = await call('supervision', supervisor, 'GET', `/notices?holder=${creditCode}`);
      expect(inbox.body['items']).toHaveLength(1);
      return (inbox.body['items'] as Json[])[0] as Json;
    });
    expect(notice).toMatchObject({ licenceId, status: 'pending' });

    // Verification finds the pledge false: approval revokes the licence.
    const task = await eventually(async () => {
      const list = await call('supervision', supervisor, 'GET', '/pledge-verifications?status=open&pageSize=100');
      const found = (list.body['items'] as Json[]).find((t) => t['licenceId'] === licenceId);
      expect(found).toBeDefined();
      return found as Json;
    });
    const verdict = await call('supervision', supervisor, 'POST', `/pledge-verifications/${String(task['id'])}/result`, {
      truthful: false,
      finding: '经核查，建设单位账户资金不足合同价款的30%，建设资金未落实',
      documentNumber: '东住建信〔2026〕7号',
    });
    expect(verdict.status).toBe(200);
    await eventually(async () =>
      expect((await call('approval', approver, 'GET', `/licences/${licenceId}`)).body['status']).toBe('revoked'),
    );

    // Once the revocation has reached the window (events take their time; an issuance tried before would
    // succeed, so it is tried once, after), the window refuses to hand the licence out, saying why in Chinese.
    await eventually(async () => {
      const progress = await call('intake', null, 'GET', `/progress?number=${String(application['number'])}&phone=${PHONE}`);
      expect(progress.body['parts']).toEqual([expect.objectContaining({ statusText: '许可已撤销' })]);
    });
    const issuance = await call('intake', clerk, 'POST', `/applications/${String(application['id'])}/issuance`, { method: 'window' });
    expect(issuance.status).toBe(409);
    const refused = issuance.body;
    expect(refused).toMatchObject({ error: { code: 'LICENCE_REVOKED' } });
    expect(String((refused['error'] as Json)['message'])).toMatch(/已于.*撤销.*承诺不实/);
    expect((await call('intake', clerk, 'GET', `/applications/${String(application['id'])}`)).body['status']).toBe('decided');

    // Progress tells the applicant the licence was revoked, and why.
    const progress = await call('intake', null, 'GET', `/progress?number=${String(application['number'])}&phone=${PHONE}`);
    expect(progress.status).toBe(200);
    expect(progress.body['parts']).toEqual([
      expect.objectContaining({ statusText: '许可已撤销', reason: expect.stringContaining('建设资金未落实') }),
    ]);
    expect((progress.body['timeline'] as Json[]).map((entry) => entry['text'])).toContainEqual(expect.stringContaining('许可已撤销'));

    // The applicant is told by SMS (the notification outbox), once.
    const messages = await platform.query<{ text: string }>(
      'intake',
      `SELECT text FROM $schema.notification WHERE application_id = $1 AND kind = 'revoked'`,
      [application['id']],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toMatch(/撤销.*承诺不实/);

    // The notice for the revoked licence is no longer waiting for anyone.
    await eventually(async () => {
      const inbox = await call('supervision', supervisor, 'GET', `/notices?holder=${creditCode}`);
      expect(inbox.body['items']).toEqual([
        expect.objectContaining({ licenceId, status: 'closed', closedReason: expect.stringContaining('撤销') }),
      ]);
    });
    const acknowledge = await call('supervision', supervisor, 'POST', `/notices/${String(notice['id'])}/acknowledge`);
    expect(acknowledge.status).toBe(409);
    expect(acknowledge.body).toMatchObject({ error: { code: 'NOTICE_CLOSED' } });

    // 电子监察 counts the pledge and the revocation (this suite files only this application).
    await eventually(async () => {
      const kpis = await call('supervision', manager, 'GET', `/monitoring/kpis?department=${HOUSING.code}&itemCode=${CONSTRUCTION_PERMIT}`);
      expect(kpis.body['overall']).toMatchObject({
        cases: 1,
        withPledges: 1,
        pledgeRate: { numerator: 1, denominator: 1, value: 1 },
        revoked: 1,
        revocationRate: { numerator: 1, denominator: 1, value: 1 },
        refusalRate: { numerator: 0, denominator: 1, value: 0 },
      });
    });
  });

  it('escalates a notice nobody acknowledged when the clock passes its deadline, by the watch alone', async () => {
    const supervisorOfMarket = issueToken(
      { id: 'supervisor-scjg-1', name: '钱监管', role: 'supervisor', department: 'DCF-SCJGJ' },
      secret,
      TOKEN_TTL,
    );
    const licence = aLicenceIssued({
      holder: { kind: 'organisation', name: '聊城市东昌府区水城餐饮管理有限公司', identifier: aUniqueCreditCode() },
      issuedAt: clock.now().toISOString(),
    });
    await platform.publishEvent(Topics.LicenceIssued, licence);
    const notice = await eventually(async () => {
      const inbox = await call('supervision', supervisorOfMarket, 'GET', `/notices?holder=${licence.holder.identifier}`);
      expect(inbox.body['items']).toHaveLength(1);
      return (inbox.body['items'] as Json[])[0] as Json;
    });
    expect(notice).toMatchObject({ status: 'pending' });
    // Nothing happens while the service clock stands before the deadline…
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call('supervision', supervisorOfMarket, 'GET', `/notices?holder=${licence.holder.identifier}`)).body['items']).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    // …and the watch escalates it once the clock passes the 72 hours.
    clock.advance(72 * 3_600_000 + 60_000);
    await eventually(async () => {
      const inbox = await call('supervision', supervisorOfMarket, 'GET', `/notices?holder=${licence.holder.identifier}`);
      expect(inbox.body['items']).toEqual([expect.objectContaining({ status: 'escalated', escalatedAt: clock.now().toISOString() })]);
    });
  });
});
