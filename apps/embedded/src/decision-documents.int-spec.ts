/**
 * What a decision needs besides a status (real Kafka and PostgreSQL): the window hands out each
 * department's decision document (准予/不予行政许可决定书) with the result, printed as the applicant
 * reads it, and a licence whose QR code opens a public page saying whether it holds.
 */
import { aUniqueCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import {
  aConstructionPermitFiling,
  callApi,
  decideCase,
  eventually,
  fileAtWindow,
  readableText,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

const secret = DEVELOPMENT_TOKEN_SECRET;
const HOUSING = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };
const clerk = issueToken({ id: 'clerk-5', name: '吴窗口', role: 'clerk', level: 'district' }, secret);
const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret);
const approver = issueToken({ id: 'zjj-li', name: '李志强', role: 'approver', department: HOUSING.code }, secret);
const otherApprover = issueToken({ id: 'scjg-wang', name: '王立新', role: 'approver', department: 'DCF-SCJGJ' }, secret);

describe('decision documents and licences', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'documents',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval'],
      env: { DEADLINE_WATCH_INTERVAL_MS: '0' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const call = (service: 'intake' | 'approval', token: string | null, method: string, path: string, body?: unknown) =>
    callApi<Json>(platform.urls[service], token, method, path, body);

  async function fileAndDecide(companyName: string, decision: Json) {
    const filed = await fileAtWindow(
      platform.urls.intake,
      clerk,
      aConstructionPermitFiling({ companyName, creditCode: aUniqueCreditCode(), phone: '13963507788' }),
    );
    expect(filed.status).toBe(201);
    const application = (await filed.json()) as Json;
    const approvalCase = await eventually(async () => {
      const queue = await call('approval', approver, 'GET', `/cases?applicationNumber=${String(application['number'])}`);
      expect(queue.body['total']).toBe(1);
      return (queue.body['items'] as Json[])[0] as Json;
    });
    expect((await decideCase(platform.urls.approval, approver, String(approvalCase['id']), decision)).status).toBe(201);
    const decided = await eventually(async () => {
      const current = await call('intake', clerk, 'GET', `/applications/${String(application['id'])}`);
      expect(current.body['status']).toBe('decided');
      expect(current.body['documents']).not.toEqual([]);
      return current.body;
    });
    return { application: decided, caseId: String(approvalCase['id']) };
  }

  it('hands out a refusal with its decision document: number, applicant, item, reasons, legal basis and the remedies with authority and court', async () => {
    const { application, caseId } = await fileAndDecide('聊城市东昌府区兴华建筑安装有限公司', {
      outcome: 'refused',
      reason: '经审查，申请人提交的施工图设计文件审查合格书已超过有效期，不符合法定条件',
      legalBasis: '《中华人民共和国建筑法》第八条、《建筑工程施工许可管理办法》第四条',
    });
    const [document] = application['documents'] as Json[];
    expect(document).toMatchObject({
      kind: 'decision',
      title: '不予行政许可决定书',
      number: expect.stringMatching(/^东住建许不准〔\d{4}〕\d+号$/),
      service: 'approval',
    });

    // The window prints it for the department, as the applicant reads it.
    const printed = await call('approval', clerk, 'GET', String(document!['path']));
    expect(printed.status).toBe(200);
    expect(printed.type).toContain('text/html');
    const text = readableText(printed.text);
    expect(text).toContain('聊城市东昌府区住房和城乡建设局\n不予行政许可决定书');
    expect(text).toContain(String(document!['number']));
    expect(text).toContain('聊城市东昌府区兴华建筑安装有限公司');
    expect(text).toContain(`（申请编号：${String(application['number'])}）`);
    expect(text).toContain('施工图设计文件审查合格书已超过有效期');
    expect(text).toContain('根据《中华人民共和国建筑法》第八条、《建筑工程施工许可管理办法》第四条的规定，本机关决定不予行政许可。');
    expect(text).toContain('六十日内向聊城市东昌府区人民政府申请行政复议');
    expect(text).toContain('六个月内向聊城市东昌府区人民法院提起行政诉讼');
    // Another department's approver does not see it; the case is not theirs.
    expect((await call('approval', otherApprover, 'GET', `/cases/${caseId}/decision-document`)).status).toBe(404);

    // 统一出件 records what was handed out (送达).
    const issued = await call('intake', clerk, 'POST', `/applications/${String(application['id'])}/issuance`, { method: 'window' });
    expect(issued.status).toBe(200);
    expect((issued.body['issuance'] as Json)['documents']).toEqual([
      { kind: 'decision', title: '不予行政许可决定书', number: document!['number'] },
    ]);
  });

  it('prints a licence whose QR code verifies it publicly: valid, then revoked; a wrong code finds nothing', async () => {
    const { application } = await fileAndDecide('聊城市东昌府区广厦建设工程有限公司', {
      outcome: 'approved',
      scope: '聊城市东昌府区凤凰街道广厦花园3号楼，建筑面积8600平方米',
    });
    const documents = application['documents'] as Json[];
    expect(documents.map((d) => [d['kind'], d['title']])).toEqual([
      ['decision', '准予行政许可决定书'],
      ['licence', '许可证件（建筑工程施工许可证核发）'],
    ]);
    const licenceDocument = documents[1] as Json;
    const printed = await call('approval', clerk, 'GET', String(licenceDocument['path']));
    expect(printed.status).toBe(200);
    const text = readableText(printed.text);
    expect(text).toContain(`编号：${String(licenceDocument['number'])}`);
    expect(text).toContain('持证主体 聊城市东昌府区广厦建设工程有限公司');
    expect(text).toContain('许可范围 聊城市东昌府区凤凰街道广厦花园3号楼，建筑面积8600平方米');
    expect(printed.text).toMatch(/<svg[^>]*viewBox/);
    const link = /核验地址：(\S+)/.exec(text)?.[1] as string;
    expect(link).toMatch(/\/public\/licences\/.+\?code=/);

    // Anyone may check it, without signing in; the page shows what the licence shows, no identifier.
    const path = link.slice(link.indexOf('/public/'));
    const page = await fetch(`${platform.urls.approval}${path}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const pageText = readableText(await page.text());
    expect(pageText).toContain('证照核验结果\n有效');
    expect(pageText).not.toContain(String((application['applicant'] as Json)['identifier']));
    const json = await fetch(`${platform.urls.approval}${path}`, { headers: { accept: 'application/json' } });
    expect(await json.json()).toMatchObject({ number: licenceDocument['number'], standing: 'valid', standingText: '有效' });
    const wrong = await fetch(`${platform.urls.approval}${path.replace(/code=.*/, 'code=AAAAAAAAAAAAAAAA')}`, {
      headers: { accept: 'application/json' },
    });
    expect(wrong.status).toBe(404);

    // Revoked: the same QR code now says so.
    const licenceId = String(licenceDocument['path']).split('/')[2];
    expect(
      (await call('approval', approver, 'POST', `/licences/${licenceId}/revocation`, { reason: '经复查，施工许可申请材料存在虚假内容' }))
        .status,
    ).toBe(200);
    const revoked = await fetch(`${platform.urls.approval}${path}`, { headers: { accept: 'application/json' } });
    expect(await revoked.json()).toMatchObject({ standing: 'revoked', standingText: '已撤销' });
  });

  it("keeps each department's 复议机关 and court as configurable text", async () => {
    const profile = {
      authorityName: '聊城市东昌府区住房和城乡建设局',
      documentPrefix: '东住建',
      reviewAuthority: '聊城市东昌府区人民政府',
      court: '聊城市茌平区人民法院',
    };
    expect((await call('approval', admin, 'PUT', `/departments/${HOUSING.code}/legal-profile`, profile)).status).toBe(200);
    expect((await call('approval', approver, 'GET', `/departments/${HOUSING.code}/legal-profile`)).body).toMatchObject({
      court: '聊城市茌平区人民法院',
    });
    const bad = await call('approval', admin, 'PUT', `/departments/${HOUSING.code}/legal-profile`, { ...profile, court: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: [expect.objectContaining({ path: 'court', message: '请填写“管辖法院”' })] } });
    expect((await call('approval', approver, 'PUT', `/departments/${HOUSING.code}/legal-profile`, profile)).status).toBe(403);
  });
});
