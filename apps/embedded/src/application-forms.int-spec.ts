/**
 * 一表申请 over real Kafka and PostgreSQL: the restaurant bundle filed at the window with one form
 * (what its four items share asked once) reaches every department with only its own share of the
 * form; the approver reads the answers with their sources and the materials; the supervising
 * departments are told where the new holder does business and what it may do.
 */
import { createWorkingDayCalendar, localDateInShanghai } from '@onewindow/domain';
import { aCreditCode } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import {
  RESTAURANT_BUNDLE_SITUATIONS,
  aConstructionPermitFiling,
  aRestaurantBundleForm,
  callApi,
  decideCase,
  eventually,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

const secret = DEVELOPMENT_TOKEN_SECRET;
const clerk = issueToken({ id: 'clerk-9', name: '刘窗口', role: 'clerk', level: 'district' }, secret);
const RESTAURANT = 'DCF-YJS-KBCYD';
const COMPANY_REGISTRATION = 'DCF-SCJG-DJ-001';
const FOOD = 'DCF-SCJG-XK-001';
const HYGIENE = 'DCF-WJW-XK-003';
const FIRE = 'DCF-XF-JC-002';
const ADDRESS = '山东省聊城市东昌府区古楼街道东关街88号';

type Json = Record<string, unknown>;
type Field = { path: string; label: string; text: string; element?: string; source?: Json };

describe('a bundle filed with one form (一表申请)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'forms',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision'],
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(service: 'intake' | 'approval' | 'supervision', token: string | null, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  const approverOf = (department: string) =>
    issueToken({ id: `approver-${department}`, name: '王审批', role: 'approver', department }, secret);
  const supervisorOf = (department: string) =>
    issueToken({ id: `supervisor-${department}`, name: '赵监管', role: 'supervisor', department }, secret);

  it('reaches every department with its own share of the form, shows the approver the answers with their sources, and tells the supervisors the address and scope', async () => {
    const bundleForm = await call('intake', null, 'GET', `/catalogue/bundles/${RESTAURANT}/form`);
    expect(bundleForm.status).toBe(200);
    const routes = bundleForm.body['routes'] as Array<{ path: string; items: Array<{ itemCode: string; path: string }> }>;
    const address = routes.find((route) => route.path === 'businessAddress');
    expect(address?.items.map((item) => item.itemCode).sort()).toEqual([COMPANY_REGISTRATION, FIRE, FOOD, HYGIENE].sort());

    const company = {
      creditCode: aCreditCode({ organisation: 'MA3R6H2K8' }),
      name: '聊城市东昌府区水城人家餐饮有限公司',
      phone: '13906357788',
    };
    const dueDate = createWorkingDayCalendar().addWorkingDays(localDateInShanghai(new Date()), 10);
    if (!dueDate.ok) throw new Error(dueDate.message);
    const filled = aRestaurantBundleForm(company);
    const filed = await call('intake', clerk, 'POST', '/applications', {
      bundleCode: RESTAURANT,
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
      situations: RESTAURANT_BUNDLE_SITUATIONS,
      ...filled,
      materials: [
        { itemCode: FOOD, materialCode: 'M03', finding: 'to-follow', dueDate: dueDate.date },
        { itemCode: HYGIENE, materialCode: 'M03', finding: 'pledged' },
      ],
      allOtherMaterialsProvided: true,
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'accepted', form: { statistics: { automatic: 4, changed: 0 } } });
    const parts = filed.body['parts'] as Array<{ id: string; itemCode: string; department: { code: string } }>;

    // Each department's approver reads only its own item's share, by its own form's names.
    const caseOf = async (itemCode: string) => {
      const part = parts.find((candidate) => candidate.itemCode === itemCode) as { id: string; department: { code: string } };
      const approver = approverOf(part.department.code);
      const found = await eventually(async () => {
        const queue = await call('approval', approver, 'GET', `/cases?applicationNumber=${String(filed.body['number'])}&pageSize=100`);
        const mine = (queue.body['items'] as Json[]).find((c) => c['partId'] === part.id);
        expect(mine).toBeDefined();
        return mine as Json;
      });
      const view = await call('approval', approver, 'GET', `/cases/${String(found['id'])}`);
      expect(view.status).toBe(200);
      return {
        approver,
        view: view.body,
        form: view.body['form'] as { data: Json; fields: Field[] },
        materials: view.body['materials'] as Json[],
      };
    };

    const food = await caseOf(FOOD);
    expect(food.form.data).toMatchObject({
      creditCode: company.creditCode,
      organisationName: company.name,
      seats: 60,
      businessScope: '餐饮服务；食品销售',
    });
    expect(Object.keys(food.form.data)).not.toContain('placeTypes');
    expect(food.form.fields).toContainEqual({
      path: 'organisationName',
      label: '单位名称',
      text: company.name,
      element: 'DE-DWMC',
      source: { source: 'enterprise', sourceName: '聊城市法人单位基础信息库', fetchedAt: '2026-03-05T01:58:12.000Z', changed: false },
    });
    expect(food.form.fields).toContainEqual(
      expect.objectContaining({ path: 'businessAddress', label: '经营场所', text: ADDRESS, element: 'DE-JYCS' }),
    );
    expect(food.form.fields).toContainEqual({ path: 'staff[1].name', label: '从业人员健康情况第2行姓名', text: '陈德福' });
    expect(food.materials).toEqual(
      expect.arrayContaining([
        { materialCode: 'M01', materialName: '食品经营许可申请书', status: 'received' },
        { materialCode: 'M03', materialName: '食品安全管理制度文本', status: 'to-follow', dueDate: dueDate.date },
      ]),
    );

    const hygiene = await caseOf(HYGIENE);
    // The health commission's form calls the shared 经营场所 `businessAddress` too, and asks no seats.
    expect(hygiene.form.data).toMatchObject({
      businessAddress: { division: '371502', detail: '古楼街道东关街88号' },
      premisesArea: 186.5,
      placeTypes: ['07'],
    });
    expect(Object.keys(hygiene.form.data)).not.toContain('seats');
    expect(hygiene.materials).toContainEqual({ materialCode: 'M03', materialName: '从业人员健康合格证明', status: 'pledged' });

    const fire = await caseOf(FIRE);
    expect(fire.form.data).toMatchObject({ premisesName: '水城人家', exits: 2 });
    expect(Object.keys(fire.form.data)).not.toContain('tradeName');

    // The food licence is approved without the approver wording a scope: address and scope come from the form.
    const decided = await decideCase(platform.urls.approval, food.approver, String(food.view['id']), { outcome: 'approved' });
    expect(decided.status).toBe(201);
    for (const department of ['DCF-SCJGJ', 'DCF-WJW']) {
      const notice = await eventually(async () => {
        const inbox = await call('supervision', supervisorOf(department), 'GET', `/notices?pageSize=100&holder=${company.creditCode}`);
        const found = (inbox.body['items'] as Json[]).find((n) => n['licenceId'] === decided.body['licenceId']);
        expect(found).toBeDefined();
        return found as Json;
      });
      expect(notice).toMatchObject({ holderAddress: ADDRESS, scope: '餐饮服务；食品销售', itemCode: FOOD });
    }

    // 电子监察 counts the answers filled from shared data (自动调取率) per department.
    const manager = issueToken({ id: 'manager-1', name: '电子监察', role: 'manager' }, secret);
    await eventually(async () => {
      const kpis = await call('supervision', manager, 'GET', '/monitoring/kpis?department=DCF-SCJGJ&itemCode=DCF-SCJG-XK-001');
      const autoFill = (kpis.body['overall'] as { autoFillRate: { numerator: number; denominator: number } }).autoFillRate;
      expect(autoFill.numerator).toBeGreaterThanOrEqual(4);
      expect(autoFill.denominator).toBeGreaterThan(autoFill.numerator);
    });
  });

  it('keeps an application on the form version it was filed under when the catalogue changes the form', async () => {
    const admin = issueToken({ id: 'admin-1', name: '目录管理员', role: 'admin' }, secret);
    const company = { creditCode: aCreditCode({ organisation: 'MA3T4B6C1' }), companyName: '聊城市东昌府区凤凰建筑工程有限公司' };
    const { allOtherMaterialsProvided: _provided, ...withoutMaterials } = aConstructionPermitFiling(company);
    // Filed without materials: a one-time notice, to be supplemented later.
    const filed = await call('intake', clerk, 'POST', '/applications', withoutMaterials);
    expect(filed.status).toBe(201);
    expect(filed.body['status']).toBe('awaiting-supplement');
    const filedVersion = (filed.body['parts'] as Json[])[0]?.['itemVersion'];

    // The 住建局 adds a required answer to the form: a new version of the item.
    const exported = await call('intake', admin, 'GET', '/catalogue/export?format=json');
    const catalogue = JSON.parse(exported.text) as {
      items: Array<{
        code: string;
        form: { schema: { properties: Json; required: string[] }; layout: { groups: Array<{ fields: string[] }> } };
      }>;
    };
    const permit = catalogue.items.find((item) => item.code === 'DCF-ZJ-XK-012');
    if (!permit) throw new Error('no 施工许可 in the catalogue');
    permit.form.schema.properties['energyRating'] = {
      type: 'string',
      'x-kind': 'code',
      title: '建筑节能等级',
      'x-codes': [
        { code: '65', label: '节能65%' },
        { code: '75', label: '节能75%' },
      ],
    };
    permit.form.schema.required.push('energyRating');
    permit.form.layout.groups[0]?.fields.push('energyRating');
    const imported = await call('intake', admin, 'POST', '/catalogue/import', {
      format: 'json',
      content: JSON.stringify({ ...catalogue, items: [permit], bundles: [] }),
    });
    expect(imported.status).toBe(200);
    expect(imported.body['itemsCreatedOrChanged']).toEqual([`DCF-ZJ-XK-012@${Number(filedVersion) + 1}`]);
    const current = await call('intake', null, 'GET', '/catalogue/items/DCF-ZJ-XK-012/form');
    expect(Object.keys((current.body['form'] as { schema: { properties: Json } }).schema.properties)).toContain('energyRating');

    // A new filing must answer it; the application filed before is supplemented and corrected under its own version.
    const newFiling = await call(
      'intake',
      clerk,
      'POST',
      '/applications',
      aConstructionPermitFiling({ ...company, creditCode: aCreditCode({ organisation: 'MA3T4B6C2' }) }),
    );
    expect(newFiling.status).toBe(400);
    expect((newFiling.body['error'] as { fields: Json[] }).fields).toContainEqual(
      expect.objectContaining({ path: 'form.energyRating', message: '建筑节能等级：必须填写' }),
    );
    const form = (filed.body['form'] as { data: Json }).data;
    const supplemented = await call('intake', clerk, 'POST', `/applications/${String(filed.body['id'])}/supplement`, {
      form: { ...form, floorsAbove: 4 },
      allOtherMaterialsProvided: true,
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body).toMatchObject({ status: 'accepted', parts: [{ itemVersion: filedVersion }] });
    const corrections = await call('intake', clerk, 'GET', `/applications/${String(filed.body['id'])}/form-corrections`);
    expect(corrections.body).toEqual([
      expect.objectContaining({
        occasion: 'supplement',
        changes: [{ path: 'floorsAbove', label: '地上层数', before: '3层', after: '4层' }],
        correctedBy: { id: 'clerk-9', name: '刘窗口' },
      }),
    ]);
  });
});
