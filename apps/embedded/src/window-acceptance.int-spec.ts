/**
 * The comprehensive window (一窗受理) over real Kafka and PostgreSQL: a bundle (一件事) filed
 * with one material to follow (容缺), its receipt, and every department receiving its part;
 * bad input refused field by field with nothing saved.
 */
import { addDays, createWorkingDayCalendar, localDateInShanghai } from '@onewindow/domain';
import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import {
  aDemoForm,
  aFoodLicenceForm,
  aRestaurantBundleForm,
  callApi,
  decideCase,
  eventually,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

const secret = DEVELOPMENT_TOKEN_SECRET;
const clerk = issueToken({ id: 'clerk-7', name: '张窗口', role: 'clerk' }, secret);
const RESTAURANT = 'DCF-YJS-KBCYD';
const FOOD_PERMIT = 'DCF-SCJG-XK-001';

type Json = Record<string, unknown>;

describe('the comprehensive window', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'window',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval'],
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('accepts a bundle with one material to follow, promises each deadline in working days, and gives every department its part', async () => {
    const bundle = await get(`/catalogue/bundles/${RESTAURANT}`);
    const items = await Promise.all((bundle['itemCodes'] as string[]).map((code) => get(`/catalogue/items/${code}`)));
    const today = localDateInShanghai(platform.clock.now());
    const dueDate = createWorkingDayCalendar().addWorkingDays(today, 10);
    if (!dueDate.ok) throw new Error(dueDate.message);

    const company = { creditCode: aCreditCode(), name: '聊城市东昌府区水城人家餐饮有限公司', phone: '13906351234' };
    const filed = await post('/applications', {
      bundleCode: RESTAURANT,
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
      ...aRestaurantBundleForm(company),
      agent: { kind: 'helper', name: '刘帮办', identifier: aResidentId() },
      situations: firstAnswers(items),
      materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M03', finding: 'to-follow', dueDate: dueDate.date }],
      allOtherMaterialsProvided: true,
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'accepted', bundle: { code: RESTAURANT }, visits: 1, agent: { name: '刘帮办' } });

    const receipt = await get(`/applications/${filed.body['id']}/receipt`);
    expect(receipt['applicationNumber']).toMatch(new RegExp(`^YC${today.replaceAll('-', '')}\\d{6}$`));
    const calendar = createWorkingDayCalendar();
    const receiptParts = receipt['parts'] as Array<Json>;
    expect(receiptParts).toHaveLength(items.length);
    for (const item of items) {
      const part = receiptParts.find((p) => p['itemCode'] === item['code']) as Json;
      const promised = calendar.addWorkingDays(today, item['committedWorkingDays'] as number);
      expect(promised.ok && part['promisedDeadline']).toBe(promised.ok ? promised.date : undefined);
      expect(part['department']).toBe((item as { departmentName: string }).departmentName);
    }
    const foodPart = receiptParts.find((p) => p['itemCode'] === FOOD_PERMIT) as Json;
    expect(foodPart['materialsToFollow']).toEqual([{ name: expect.any(String), dueDate: dueDate.date }]);
    const html = await fetch(`${platform.urls.intake}/applications/${filed.body['id']}/receipt.html`, { headers: auth(clerk) });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain(`受理编号</th><td class="number">${receipt['applicationNumber']}`);

    // Each department's approver finds exactly its own parts of the bundle in its queue.
    const parts = filed.body['parts'] as Array<{ id: string; department: { code: string } }>;
    for (const department of new Set(parts.map((part) => part.department.code))) {
      const approver = issueToken({ id: `a-${department}`, name: '审批员', role: 'approver', department }, secret);
      const own = parts
        .filter((part) => part.department.code === department)
        .map((part) => part.id)
        .sort();
      await eventually(async () => {
        const queue = await fetch(`${platform.urls.approval}/cases?pageSize=100`, { headers: auth(approver) });
        const cases = ((await queue.json()) as { items: Array<Json> }).items.filter((c) => c['applicationId'] === filed.body['id']);
        expect(cases.map((c) => c['partId']).sort()).toEqual(own);
      });
    }
  });

  it('tells every missing or faulty material in one notice, then accepts the supplement', async () => {
    const filed = await post('/applications', {
      itemCodes: [FOOD_PERMIT],
      channel: 'window',
      level: 'district',
      applicant: { kind: 'person', name: '王小明', identifier: aResidentId(), phone: '13706358888' },
      ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区小明快餐店' }),
      materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M02', finding: 'faulty', problem: '复印件字迹不清' }],
    });
    expect(filed.status).toBe(201);
    expect(filed.body['status']).toBe('awaiting-supplement');
    const notice = await get(`/applications/${filed.body['id']}/notice`);
    expect((notice['lines'] as Array<Json>).map((line) => [line['materialName'], line['problem']])).toEqual([
      ['食品经营许可申请书', '未提交'],
      ['营业执照复印件', '复印件字迹不清'],
      ['食品安全管理制度文本', '未提交'],
    ]);
    expect((notice['applicant'] as Json)['identifier']).toMatch(/\*{4}/);
    expect(await get(`/applications/${filed.body['id']}/receipt`, 409)).toMatchObject({ error: { code: 'NOT_ACCEPTED' } });

    const supplemented = await post(`/applications/${filed.body['id']}/supplement`, { allOtherMaterialsProvided: true }, 200);
    expect(supplemented.body).toMatchObject({ status: 'accepted', visits: 2 });
    expect(((await get(`/applications/${filed.body['id']}/notices`)) as unknown as Array<Json>)[0]).toMatchObject({ resolved: true });
    const again = await post(`/applications/${filed.body['id']}/supplement`, { allOtherMaterialsProvided: true }, 409);
    expect(again.body).toMatchObject({ error: { code: 'NOT_AWAITING_SUPPLEMENT' } });
  });

  it('refuses bad input field by field in Chinese and saves nothing', async () => {
    const before = await applicationCount();
    const unknownItem = await post(
      '/applications',
      {
        itemCodes: [FOOD_PERMIT, 'DCF-NO-SUCH-ITEM'],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '某公司', identifier: aCreditCode() },
        allOtherMaterialsProvided: true,
      },
      400,
    );
    expect(fields(unknownItem.body)).toEqual([['itemCodes[1]', '事项编码“DCF-NO-SUCH-ITEM”不存在或已停用，请核对事项目录']]);

    const badIdentifier = await post(
      '/applications',
      {
        itemCodes: [FOOD_PERMIT],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'person', name: '李四', identifier: '370102199003071235' },
        allOtherMaterialsProvided: true,
      },
      400,
    );
    expect(fields(badIdentifier.body)).toEqual([['applicant.identifier', expect.stringContaining('校验位')]]);

    const wrongMaterials = await post(
      '/applications',
      {
        itemCodes: [FOOD_PERMIT],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '某公司', identifier: aCreditCode() },
        ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '某公司' }),
        situations: { [FOOD_PERMIT]: { Q9: 'A' } },
        materials: [
          { itemCode: FOOD_PERMIT, materialCode: 'M99', finding: 'provided' },
          { itemCode: FOOD_PERMIT, materialCode: 'M01', finding: 'pledged' },
        ],
      },
      400,
    );
    expect(fields(wrongMaterials.body)).toEqual([
      [`situations.${FOOD_PERMIT}.Q9`, expect.stringContaining('没有办理情形问题 Q9')],
      ['materials[0].materialCode', expect.stringContaining('不属于事项')],
      ['materials[1].finding', '材料“食品经营许可申请书”不适用告知承诺'],
    ]);

    // The 申请表 is checked with the rest, before a number is taken: every answer wrong or missing, by its path.
    const { form, formSources } = aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区鲁西快餐有限公司' });
    const { businessItems: _items, ...withoutItems } = form;
    const wrongForm = await post(
      '/applications',
      {
        itemCodes: [FOOD_PERMIT],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西快餐有限公司', identifier: aCreditCode() },
        form: {
          ...withoutItems,
          premisesArea: 0,
          operatorType: '09',
          staff: [{ name: '李秀梅', healthCertificate: 'LC2026-004512', validUntil: '2027-02-30' }],
        },
        formSources,
        allOtherMaterialsProvided: true,
      },
      400,
    );
    expect(fields(wrongForm.body)).toEqual([
      ['form.businessItems', '经营项目：必须填写'],
      ['form.staff[0].validUntil', '从业人员健康情况第1行有效期至：应为有效的日期，格式为YYYY-MM-DD，如 2026-03-05'],
      ['form.operatorType', '主体业态：应为以下之一：食品销售经营者（01）、餐饮服务经营者（02）、单位食堂（03）'],
      ['form.premisesArea', '经营场所面积：应为大于0的数字，单位平方米'],
    ]);
    expect(((wrongForm.body['error'] as Json)['fields'] as Json[])[0]).toMatchObject({ code: 'FORM_INVALID' });

    // A caller that sends no form at all is told every required answer, in Chinese.
    const noForm = await post(
      '/applications',
      {
        itemCodes: [FOOD_PERMIT],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西快餐有限公司', identifier: aCreditCode() },
        allOtherMaterialsProvided: true,
      },
      400,
    );
    expect(fields(noForm.body)).toContainEqual(['form.businessAddress', '经营场所：必须填写']);
    expect(await applicationCount()).toBe(before);
  });

  it('takes an online application through pre-review without a visit, to issuance by post, and closes an unfavourable rating only after the department answered', async () => {
    const identifier = aCreditCode();
    const applicantToken = issueToken({ id: identifier, name: '聊城市东昌府区运河人家餐饮有限公司', role: 'applicant' }, secret);
    const uploads = ['M01', 'M02', 'M03'].map((materialCode) => ({ itemCode: FOOD_PERMIT, materialCode, finding: 'provided' }));
    const submitted = await call(applicantToken, 'POST', '/online/applications', {
      itemCodes: [FOOD_PERMIT],
      channel: 'online',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区运河人家餐饮有限公司', identifier, phone: '13806351111' },
      ...aFoodLicenceForm({ creditCode: identifier, name: '聊城市东昌府区运河人家餐饮有限公司', phone: '13806351111' }),
      materials: uploads,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', visits: 0, receivedVia: 'online' });
    const mine = await call(applicantToken, 'GET', '/online/applications');
    expect((mine.body['items'] as Json[]).map((a) => a['id'])).toContain(submitted.body['id']);
    const id = String(submitted.body['id']);
    const number = String(submitted.body['number']);

    const reviewed = await post(`/applications/${id}/check`, {}, 200);
    expect(reviewed.body).toMatchObject({ status: 'accepted', visits: 0 });
    const progress = await publicGet(`/progress?number=${number}&phone=13806351111`);
    expect(progress).toMatchObject({ applicationNumber: number, statusText: '审批办理中' });
    expect((await fetch(`${platform.urls.intake}/progress?number=${number}&phone=13900000000`)).status).toBe(404);

    const part = (reviewed.body['parts'] as Array<{ id: string; department: { code: string } }>)[0] as {
      id: string;
      department: { code: string };
    };
    const approver = issueToken({ id: 'a-food', name: '王审批', role: 'approver', department: part.department.code }, secret);
    const approvalCase = await caseInQueue(approver, part.id);
    const decided = await decideCase(platform.urls.approval, approver, String(approvalCase['id']), {
      outcome: 'approved',
      scope: '热食类食品制售',
    });
    expect(decided.status).toBeLessThan(300);
    await eventually(async () => expect((await get(`/applications/${id}`))['status']).toBe('decided'));

    const posted = await post(
      `/applications/${id}/issuance`,
      { method: 'post', trackingNumber: 'EMS1234567890', address: '山东省聊城市东昌府区柳园街道88号' },
      200,
    );
    expect(posted.body).toMatchObject({ status: 'issued', issuance: { method: 'post', trackingNumber: 'EMS1234567890' }, visits: 0 });
    expect((await post(`/applications/${id}/issuance`, { method: 'window' }, 409)).body).toMatchObject({
      error: { code: 'NOT_READY_FOR_ISSUANCE' },
    });

    const unhappy = await publicPost('/ratings', { number, identifier, level: 2, comment: '网上预审等了两天' });
    expect(unhappy.status).toBe(201);
    expect(String(unhappy.body['message'])).toContain('前答复整改情况');
    expect((await publicPost('/ratings', { number, identifier, level: 5 })).body).toMatchObject({ error: { code: 'RECTIFICATION_OPEN' } });

    const rectifications = await fetch(`${platform.urls.intake}/rectifications?status=open`, { headers: auth(approver) });
    const rectification = ((await rectifications.json()) as { items: Json[] }).items.find((r) => r['applicationNumber'] === number) as Json;
    const stranger = issueToken({ id: 'a-x', name: '张审批', role: 'approver', department: 'DCF-OTHER' }, secret);
    expect(
      (await call(stranger, 'POST', `/rectifications/${rectification['id']}/answer`, { answer: '已优化预审流程，当日完成' })).status,
    ).toBe(404);
    expect(
      (await call(approver, 'POST', `/rectifications/${rectification['id']}/answer`, { answer: '已优化网上预审流程，承诺当日完成预审' }))
        .status,
    ).toBe(200);

    const followUp = await publicPost('/ratings', { number, identifier, level: 4 });
    expect(followUp.body['message']).toBe('感谢您的再次评价，本次整改已办结。');
    expect((await publicPost('/ratings', { number, identifier, level: 5 })).body).toMatchObject({ error: { code: 'ALREADY_RATED' } });

    // The applicant was texted at every step, through the notification outbox.
    const intake = platform.services.intake.dataSource;
    const schema = (intake.options as { schema: string }).schema;
    await eventually(async () => {
      const sent: Array<{ kind: string; status: string }> = await intake.query(
        `SELECT kind, status FROM "${schema}".notification WHERE application_id = $1 ORDER BY created_at`,
        [id],
      );
      expect(sent).toEqual(['accepted', 'decided', 'ready-for-pickup', 'rating-follow-up'].map((kind) => ({ kind, status: 'sent' })));
    });
  });

  it('records a draft first and checks it later; keeps items not entrusted to the window away from it', async () => {
    const drafted = await post(
      '/applications/drafts',
      {
        itemCodes: [FOOD_PERMIT],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'person', name: '孙小红', identifier: aResidentId(), phone: '13606351234' },
        ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区小红面馆' }),
        materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M01', finding: 'provided' }],
      },
      201,
    );
    expect(drafted.body).toMatchObject({ status: 'draft' });
    const dueDate = createWorkingDayCalendar().addWorkingDays(localDateInShanghai(new Date()), 5);
    const checked = await post(
      `/applications/${drafted.body['id']}/check`,
      {
        materials: [
          { itemCode: FOOD_PERMIT, materialCode: 'M02', finding: 'provided' },
          { itemCode: FOOD_PERMIT, materialCode: 'M03', finding: 'to-follow', dueDate: dueDate.ok ? dueDate.date : '' },
        ],
      },
      200,
    );
    expect(checked.body['status']).toBe('accepted');
    const part = (checked.body['parts'] as Json[])[0] as Json;
    expect((part['received'] as Json[]).map((m) => m['materialCode'])).toEqual(['M01', 'M02']);
    expect((await post(`/applications/${drafted.body['id']}/check`, {}, 409)).body).toMatchObject({ error: { code: 'ALREADY_CHECKED' } });

    const notEntrusted = await post(
      '/applications',
      {
        itemCodes: ['DCF-GA-ZJ-002'],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'person', name: '孙小红', identifier: aResidentId() },
        allOtherMaterialsProvided: true,
      },
      400,
    );
    expect(fields(notEntrusted.body)).toEqual([['items[0]', '事项“居民身份证换领”未委托综合窗口受理，请到部门窗口办理']]);
  });

  it('collects the fee of an approved item before it issues the result (统一收费)', async () => {
    const CHARGED = 'DCF-ZF-XK-003';
    const item = await publicGet(`/catalogue/items/${CHARGED}`);
    const fee = (item['fee'] as { amountFen: number }).amountFen;
    const filed = await post(
      '/applications',
      {
        itemCodes: [CHARGED],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '聊城市东昌府区古城建筑工程有限公司', identifier: aCreditCode(), phone: '13506351234' },
        ...aDemoForm(CHARGED, { creditCode: aCreditCode(), name: '聊城市东昌府区古城建筑工程有限公司' }),
        allOtherMaterialsProvided: true,
      },
      201,
    );
    const id = String(filed.body['id']);
    const part = (filed.body['parts'] as Array<{ id: string; department: { code: string } }>)[0] as {
      id: string;
      department: { code: string };
    };
    const approver = issueToken({ id: 'a-zf', name: '李执法', role: 'approver', department: part.department.code }, secret);
    const approvalCase = await caseInQueue(approver, part.id);
    expect(
      (
        await decideCase(platform.urls.approval, approver, String(approvalCase['id']), {
          outcome: 'approved',
          scope: '临时占用柳园南路东侧人行道30平方米',
        })
      ).status,
    ).toBe(201);
    await eventually(async () => expect((await get(`/applications/${id}`))['status']).toBe('decided'));

    const unpaid = await post(`/applications/${id}/issuance`, { method: 'window' }, 409);
    expect(String((unpaid.body['error'] as Json)['message'])).toContain(`应缴费用${(fee / 100).toFixed(2)}元尚未缴纳`);
    const wrong = await post(`/applications/${id}/payment`, { amountFen: fee - 1, method: 'card', receiptNumber: 'FS20260001' }, 400);
    expect(fields(wrong.body)).toEqual([['amountFen', expect.stringContaining('与登记金额不符')]]);
    await post(`/applications/${id}/payment`, { amountFen: fee, method: 'card', receiptNumber: 'FS20260001' }, 200);
    const issued = await post(`/applications/${id}/issuance`, { method: 'window' }, 200);
    expect(issued.body).toMatchObject({ status: 'issued', payment: { amountFen: fee }, visits: 2 });
  });

  it('hands an item the town cannot handle up to the county, and both see it', async () => {
    const town = issueToken({ id: 'clerk-town', name: '乡镇窗口', role: 'clerk', level: 'town' }, secret);
    // 印章刻制备案 is handled by the district police only.
    const countyOnly = (await publicGet('/catalogue/items/DCF-GA-BA-003')) as { code: string; levels: string[] };
    expect(countyOnly.levels).not.toContain('town');
    const company = { creditCode: aCreditCode(), name: '聊城市东昌府区沙镇农机专业合作社' };
    const filed = await call(town, 'POST', '/applications', {
      itemCodes: [countyOnly.code],
      channel: 'window',
      level: 'town',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode },
      ...aDemoForm(countyOnly.code, company),
      allOtherMaterialsProvided: true,
    });
    expect(filed.status).toBe(201);
    const part = (filed.body['parts'] as Json[])[0] as Json;
    expect(part['handOff']).toMatchObject({ fromLevel: 'town', toLevel: 'district' });
    const handedUp = await get('/applications?handedUp=true&pageSize=100');
    expect((handedUp['items'] as Json[]).map((a) => a['id'])).toContain(filed.body['id']);
    // The county department sees where the case came from.
    const department = (part['department'] as { code: string }).code;
    const approver = issueToken({ id: 'a-county', name: '区县审批员', role: 'approver', department }, secret);
    const countyCase = await caseInQueue(approver, part['id']);
    expect(countyCase['handedUpFrom']).toBe('town');
  });

  it('books window visits on working days only, up to the capacity of a slot', async () => {
    const calendar = createWorkingDayCalendar();
    const today = localDateInShanghai(platform.clock.now());
    const next = calendar.addWorkingDays(today, 2);
    if (!next.ok) throw new Error(next.message);
    const slots = await publicGet(`/appointments/slots?day=${next.date}`);
    expect((slots['slots'] as Json[])[0]).toEqual({ slot: '09:00', remaining: 4 });
    for (let i = 0; i < 4; i += 1) {
      const booked = await publicPost('/appointments', {
        day: next.date,
        slot: '09:00',
        itemCode: FOOD_PERMIT,
        applicantName: `预约人${i}`,
        phone: `1370635000${i}`,
      });
      expect(booked.status).toBe(201);
    }
    const full = await publicPost('/appointments', {
      day: next.date,
      slot: '09:00',
      itemCode: FOOD_PERMIT,
      applicantName: '晚到者',
      phone: '13706350009',
    });
    expect(full.body).toMatchObject({ error: { code: 'SLOT_FULL' } });
    let weekend = today;
    do weekend = addDays(weekend, 1);
    while (calendar.isWorkingDay(weekend) !== false);
    const closed = await publicPost('/appointments', {
      day: weekend,
      slot: '09:00',
      itemCode: FOOD_PERMIT,
      applicantName: '周末',
      phone: '13706350010',
    });
    expect(closed.status).toBe(400);
    expect(fields(closed.body)).toEqual([['day', expect.stringContaining('不是工作日')]]);
  });

  it('exports the catalogue, takes it back unchanged, versions an edited item, and lists every problem of a bad file', async () => {
    const admin = issueToken({ id: 'admin-1', name: '目录管理员', role: 'admin' }, secret);
    const exported = await fetch(`${platform.urls.intake}/catalogue/export?format=yaml`, { headers: auth(admin) });
    const yaml = await exported.text();
    expect(yaml).toContain('DCF-SCJG-XK-001');
    const unchanged = await call(admin, 'POST', '/catalogue/import', { format: 'yaml', content: yaml });
    expect(unchanged.body).toMatchObject({ itemsCreatedOrChanged: [], bundlesCreatedOrChanged: [] });

    const filed = await post(
      '/applications',
      {
        itemCodes: ['DCF-ZJ-XK-011'],
        channel: 'window',
        level: 'district',
        applicant: { kind: 'organisation', name: '聊城市东昌府区排水测试有限公司', identifier: aCreditCode() },
        ...aDemoForm('DCF-ZJ-XK-011', { creditCode: aCreditCode(), name: '聊城市东昌府区排水测试有限公司' }),
      },
      201,
    );
    expect(filed.body['status']).toBe('awaiting-supplement');

    const document = JSON.parse(
      await (await fetch(`${platform.urls.intake}/catalogue/export?format=json`, { headers: auth(admin) })).text(),
    ) as {
      items: Array<{ code: string; committedWorkingDays: number; materials: Array<{ code: string; name: string }> }>;
    };
    const item = document.items.find((i) => i.code === 'DCF-ZJ-XK-011') as (typeof document.items)[number];
    item.materials = [...item.materials, { ...(item.materials[0] as { code: string; name: string }), code: 'M98', name: '新增的材料' }];
    const edited = await call(admin, 'POST', '/catalogue/import', { format: 'json', content: JSON.stringify(document) });
    expect(edited.body['itemsCreatedOrChanged']).toEqual([expect.stringMatching(/^DCF-ZJ-XK-011@\d+$/)]);

    // The application filed before the edit is checked against the version it was filed under.
    const supplemented = await post(`/applications/${filed.body['id']}/supplement`, { allOtherMaterialsProvided: true }, 200);
    expect(supplemented.body['status']).toBe('accepted');
    const part = (supplemented.body['parts'] as Json[])[0] as Json;
    expect((part['received'] as Json[]).map((m) => m['materialCode'])).not.toContain('M98');

    const bad = await call(admin, 'POST', '/catalogue/import', {
      format: 'yaml',
      content: 'departments: []\nitems:\n  - code: bad code\n    committedWorkingDays: 3\nbundles: {}\n',
    });
    expect(bad.status).toBe(422);
    const paths = fields(bad.body).map(([path]) => path);
    expect(paths).toEqual(
      expect.arrayContaining(['items[0].code', 'items[0].name', 'items[0].department', 'items[0].legalWorkingDays', 'bundles']),
    );
    expect((await call(clerk, 'POST', '/catalogue/import', { format: 'json', content: '{}' })).status).toBe(403);
  });

  /** The approval case of one application part, once it has reached the approver's queue. */
  async function caseInQueue(approver: string, partId: unknown): Promise<Json> {
    return eventuallyValue(async () => {
      const queue = await fetch(`${platform.urls.approval}/cases?pageSize=100`, { headers: auth(approver) });
      return ((await queue.json()) as { items: Json[] }).items.find((c) => c['partId'] === partId);
    });
  }

  async function applicationCount(): Promise<number> {
    const intake = platform.services.intake.dataSource;
    const schema = (intake.options as { schema: string }).schema;
    const [row] = await intake.query(`SELECT count(*)::int AS count FROM "${schema}".application`);
    return (row as { count: number }).count;
  }

  function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    return callApi(platform.urls.intake, token, method, path, body);
  }

  async function publicGet(path: string): Promise<Json> {
    return expectStatus(await callApi(platform.urls.intake, null, 'GET', path), 'GET', path, 200).body;
  }

  function publicPost(path: string, body: unknown): Promise<{ status: number; body: Json }> {
    return callApi(platform.urls.intake, null, 'POST', path, body);
  }

  async function get(path: string, expectedStatus = 200): Promise<Json> {
    return expectStatus(await callApi(platform.urls.intake, clerk, 'GET', path), 'GET', path, expectedStatus).body;
  }

  async function post(path: string, body: unknown, expectedStatus?: number): Promise<{ status: number; body: Json }> {
    return expectStatus(await callApi(platform.urls.intake, clerk, 'POST', path, body), 'POST', path, expectedStatus);
  }
});

/** The answer, or a failure that shows what came back instead of the status expected. */
function expectStatus<T extends { status: number; body: Json }>(
  response: T,
  method: string,
  path: string,
  expected: number | undefined,
): T {
  if (expected !== undefined && response.status !== expected)
    throw new Error(`${method} ${path} → ${response.status}, expected ${expected}: ${JSON.stringify(response.body)}`);
  return response;
}

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function fields(body: Json): Array<[string, string]> {
  return ((body['error'] as { fields: Array<{ path: string; message: string }> }).fields ?? []).map((f) => [f.path, f.message]);
}

async function eventuallyValue<T>(probe: () => Promise<T | undefined>): Promise<T> {
  let found: T | undefined;
  await eventually(async () => {
    found = await probe();
    expect(found).toBeDefined();
  });
  return found as T;
}

function firstAnswers(items: Json[]): Record<string, Record<string, string>> {
  const answers: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const questions = item['questions'] as Array<{ code: string; options: Array<{ code: string }> }>;
    if (questions.length > 0) answers[String(item['code'])] = Object.fromEntries(questions.map((q) => [q.code, q.options[0]?.code ?? '']));
  }
  return answers;
}
