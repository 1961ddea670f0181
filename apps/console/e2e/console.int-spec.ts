/**
 * The console in a real browser (Debian's chromium driven by playwright-core) against the whole
 * platform behind the console's one address: the window clerk's and the approver's journeys, the
 * supplement round trip across both roles, sign-in failures and expiry, department scope,
 * keyboard-only use of the window, axe-core on every page, and a screenshot of each main page.
 */
import { aResidentId, aUniqueCreditCode } from '@onewindow/domain/testing';
import { caseOf as caseOfAt, fileFoodPermit as fileFoodPermitAt } from './applications';
import { eventually } from '@onewindow/testing';
import type { Page } from 'playwright-core';
import { addCalendarDays, chinaToday } from '../src/shared/china-time';
import { screenshot } from './browser';
import { addressAt, chooseAt, chooseOption, dateAt, tickAt, typeAt, yesNoAt } from './forms';
import { consoleSuite } from './suite';
import { checkPage, signIn, staffApi, tabTo } from './staff';

jest.setTimeout(300_000);

const platform = consoleSuite();

/** A fresh desk (its own cookies: its own session) with the console open. */
function desk(): Promise<Page> {
  return platform.desk();
}

function fileFoodPermit(companyName: string, at: { clerk: string; level: 'district' | 'town' } = { clerk: 'lishouli', level: 'district' }) {
  return fileFoodPermitAt(platform.baseUrl, companyName, at);
}

function caseOf(number: string, username = 'wangshenpi') {
  return caseOfAt(platform.baseUrl, number, username);
}

/** The 开办餐饮店 一表申请 for a sole proprietorship: what the 法人库 does not know, typed at the window. */
async function fillRestaurantForm(page: Page): Promise<void> {
  await addressAt(page, 'domicile', '山东省聊城市东昌府区', '古楼街道东关街88号');
  await typeAt(page, 'contactName', '王建国');
  await typeAt(page, 'contactPhone', '13863500123');
  await typeAt(page, 'employeeCount', '12');
  await chooseAt(page, 'enterpriseType', '个人独资企业');
  await typeAt(page, 'registeredCapital', '500000.00');
  await typeAt(page, 'legalRepresentativeId', aResidentId({ birthDate: '1982-07-16', sequence: 35, sex: 'male' }));
  await typeAt(page, 'premisesArea', '120');
  await typeAt(page, 'tradeName', '鲁西小厨');
  await chooseAt(page, 'DCF-SCJG-DJ-001.operatingTerm', '长期');
  await chooseAt(page, 'DCF-SCJG-XK-001.operatorType', '餐饮服务经营者');
  await tickAt(page, 'DCF-SCJG-XK-001.businessItems', '热食类食品制售');
  await yesNoAt(page, 'DCF-SCJG-XK-001.onlineSales', false);
  await typeAt(page, 'DCF-SCJG-XK-001.foodSafetyManager.name', '王秀兰');
  await typeAt(page, 'DCF-SCJG-XK-001.foodSafetyManager.phone', '13906351188');
  await typeAt(page, 'DCF-SCJG-XK-001.foodSafetyManager.idNumber', aResidentId({ birthDate: '1985-02-11', sequence: 46, sex: 'female' }));
  await typeAt(page, 'DCF-SCJG-XK-001.staff[0].name', '李师傅');
  await dateAt(page, 'DCF-SCJG-XK-001.staff[0].validUntil', '2027-06-30');
  await typeAt(page, 'DCF-SCJG-XK-001.staff[0].healthCertificate', 'JK371502202600456');
  await tickAt(page, 'DCF-WJW-XK-003.placeTypes', '餐饮场所');
  await yesNoAt(page, 'DCF-WJW-XK-003.centralAirConditioning', false);
  await typeAt(page, 'DCF-WJW-XK-003.certifiedStaff', '12');
  await chooseAt(page, 'DCF-XF-JC-002.occupancy', '餐饮场所');
  await typeAt(page, 'DCF-XF-JC-002.floors', '地上1层');
  await typeAt(page, 'DCF-XF-JC-002.exits', '2');
  await yesNoAt(page, 'DCF-XF-JC-002.sprinklers', false);
  await typeAt(page, 'DCF-XF-JC-002.fireSafetyManager.name', '王建国');
  await typeAt(page, 'DCF-XF-JC-002.fireSafetyManager.phone', '13863500123');
  await typeAt(page, 'DCF-XF-JC-002.fireSafetyManager.idNumber', aResidentId({ birthDate: '1982-07-16', sequence: 35, sex: 'male' }));
}

describe('the window clerk (综合窗口)', () => {
  it('takes in the 开办餐饮店 bundle with one material to follow (容缺) and prints the receipt', async () => {
    const page = await desk();
    await signIn(page, 'lishouli');
    await checkPage(page, 'window-home');

    await page.getByTestId('start-service').click();
    await page.getByLabel('查找事项').fill('餐饮');
    await page.getByRole('button', { name: '受理一件事：开办餐饮店' }).waitFor();
    await checkPage(page, 'window-start-service');
    await page.getByRole('button', { name: '受理一件事：开办餐饮店' }).click();

    await page.getByRole('heading', { name: '收件受理：开办餐饮店' }).waitFor();
    await page.getByRole('radiogroup', { name: '企业类型' }).getByText('个人独资企业', { exact: true }).click();
    // 数据自动调取: the credit code fills the company from the 法人库 — the applicant and the 一表申请
    // form's shared fields — with the source beside each filled field.
    await page.locator('#applicant-identifier').fill('91350100M000100Y43');
    await page.locator('#applicant-identifier').press('Enter');
    await eventually(async () => expect(await page.locator('#applicant-name').inputValue()).toBe('聊城市东昌府区鲁西餐饮有限公司'));
    await eventually(async () => expect(await page.locator('#form-organisationName').inputValue()).toBe('聊城市东昌府区鲁西餐饮有限公司'));
    expect(await page.locator('#form-legalRepresentative').inputValue()).toBe('王建国');
    await page.getByText('自动调取 · 聊城市法人单位基础信息库').first().waitFor();
    await page.getByLabel('联系电话（印在受理回执上）').fill('13863500123');
    await fillRestaurantForm(page);

    const rules = page.locator('tr[data-material="DCF-SCJG-XK-001/M03"]');
    await rules.getByText('容缺后补', { exact: true }).click();
    const due = addCalendarDays(chinaToday(), 10);
    await rules.getByLabel('补交期限').fill(due);
    await rules.getByLabel('补交期限').press('Enter');
    // The window cannot refuse: there is no reject button, only acceptance or the one-time notice.
    expect(await page.getByRole('button', { name: /不予受理|驳回|拒绝/ }).count()).toBe(0);
    await checkPage(page, 'window-intake');
    await page.getByTestId('submit-intake').click();

    await page.getByRole('heading', { name: '受理回执' }).waitFor();
    const number = (await page.getByTestId('copyable-number').first().textContent())?.trim() ?? '';
    expect(number).toMatch(/^YC\d{14}$/);
    const receipt = page.frameLocator('iframe[title="受理回执（打印预览）"]');
    await receipt.getByText(number).first().waitFor();
    await receipt.getByText('食品安全管理制度文本').first().waitFor();
    await checkPage(page, 'window-receipt');

    await page.getByRole('link', { name: '我的工作台' }).click();
    await page.getByRole('cell', { name: number, exact: true }).waitFor();
    await checkPage(page, 'window-desk');
    await page.getByRole('button', { name: `办理 ${number}` }).click();
    await page.getByRole('heading', { name: '办件详情' }).waitFor();
    await page.getByText('补交期限').first().waitFor();
    await checkPage(page, 'window-application');
  });
});

describe('the window by keyboard only (a clerk at a counter types fast)', () => {
  it('signs in, finds an item, fills the applicant and accepts, without the mouse', async () => {
    const page = await desk();
    const keys = page.keyboard;
    await page.goto('/sign-in');
    // The cursor waits in the user name field.
    await page.waitForFunction(() => document.activeElement?.id === 'sign-in-username');
    await keys.type('lishouli');
    await keys.press('Tab');
    await keys.type('Demo@2026');
    await keys.press('Enter');
    await page.getByTestId('signed-in-user').waitFor();

    await tabTo(page, '办件受理');
    await keys.press('Enter');
    await page.getByRole('heading', { name: '办件受理' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'catalogue-search');
    await keys.type('公共场所卫生');
    await tabTo(page, '受理：公共场所卫生许可（新办）');
    await keys.press('Enter');

    await page.getByRole('heading', { name: /收件受理：公共场所卫生许可/ }).waitFor();
    // The credit code and Enter: the 法人库 fills the applicant and the form's company fields.
    await tabTo(page, /统一社会信用代码/);
    await keys.type('91350100M000100Y43');
    await keys.press('Enter');
    await eventually(async () => expect(await page.locator('#form-organisationName').inputValue()).toBe('聊城市东昌府区鲁西餐饮有限公司'));
    await tabTo(page, /^申请人电话/);
    await keys.type('13563528866');
    await tabTo(page, /^场所名称/);
    await keys.type('鲁西小厨美容美发店');
    await tabTo(page, /^经营场所面积/);
    await keys.type('80');
    await tabTo(page, '美容美发场所');
    await keys.press('Space');
    // A radio group takes one Tab stop; the arrow keys choose within it.
    await tabTo(page, '是');
    await keys.press('ArrowRight');
    await tabTo(page, /^从业人数/);
    await keys.type('6');
    await tabTo(page, /^取得健康合格证明人数/);
    await keys.type('6');
    await tabTo(page, /^联系电话/);
    await keys.type('13563528866');
    await tabTo(page, '受理并出具回执');
    await keys.press('Enter');

    await page.getByRole('heading', { name: '受理回执' }).waitFor();
    expect(await page.getByTestId('copyable-number').first().textContent()).toMatch(/YC\d{14}/);
  });
});

describe('the department approver (审批工作台)', () => {
  it('works a case from the queue through 审查 and 审核 to approval, and sees the licence number', async () => {
    const application = await fileFoodPermit('聊城市东昌府区湖畔小厨餐饮有限公司');
    const approvalCase = await caseOf(application.number);

    const wang = await desk();
    await signIn(wang, 'wangshenpi');
    await checkPage(wang, 'back-office-home');
    await wang.getByRole('link', { name: '待办审批' }).click();
    await wang.getByLabel('受理编号').fill(application.number);
    await wang.getByRole('button', { name: '查询' }).click();
    const row = wang.locator(`tr[data-case="${application.number}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/绿灯.*剩 \d+ 个工作日/);
    await checkPage(wang, 'back-office-queue');
    await row.getByRole('button', { name: /^办理/ }).click();

    await wang.getByRole('heading', { name: '办件审批' }).waitFor();
    expect(await wang.getByTestId('current-step').textContent()).toBe('审查');
    // The application form as the window filed it, read-only, the auto-filled answer with its source.
    const filedName = wang.locator('tr[data-path="organisationName"]');
    expect(await filedName.textContent()).toContain('聊城市东昌府区湖畔小厨餐饮有限公司');
    expect(await filedName.textContent()).toContain('自动调取 · 聊城市法人单位基础信息库');
    await checkPage(wang, 'back-office-case');
    await wang.getByTestId('complete-step').click();
    await wang.getByLabel('审查意见').fill('申请材料齐全，符合法定形式，经营场所符合要求，拟同意。');
    await wang.getByTestId('action-submit').click();
    await eventually(async () => expect(await wang.getByTestId('current-step').textContent()).toBe('审核'));

    // 审核 by the department's second approver (孙复核), then 王审批 approves.
    const sun = await desk();
    await signIn(sun, 'sunfuhe');
    await sun.goto(`/back-office/cases/${approvalCase.id}`);
    await sun.getByTestId('complete-step').click();
    await sun.getByLabel('审核意见').fill('同意审查意见。');
    await sun.getByTestId('action-submit').click();
    await eventually(async () => expect(await sun.getByTestId('current-step').textContent()).toBe('批准'));

    await wang.reload();
    await wang.getByTestId('approve').click();
    await wang.getByLabel('许可范围').fill('预包装食品销售（含冷藏冷冻食品）；热食类食品制售');
    await wang.getByTestId('action-submit').click();
    const licence = wang.getByTestId('licence-dialog-number').getByTestId('copyable-number');
    await licence.waitFor();
    expect(await licence.textContent()).toMatch(/^JY1371502\d{9}$/);
    await screenshot(wang, 'back-office-licence');
    expect(await wang.getByTestId('case-status').textContent()).toContain('准予许可');

    // Back at the window the decided application waits for issuance (统一出件): posted, with its tracking number.
    const clerk = await desk();
    await signIn(clerk, 'lishouli');
    await eventually(
      async () => {
        await clerk.goto('/window/desk?tab=decided');
        await clerk.getByRole('cell', { name: application.number, exact: true }).waitFor({ timeout: 2_000 });
      },
      { timeoutMs: 30_000 },
    );
    await clerk.getByRole('button', { name: `办理 ${application.number}` }).click();
    expect(await clerk.getByTestId('licence-number').textContent()).toMatch(/^JY1371502\d{9}$/);
    await clerk.getByText('邮寄送达', { exact: true }).click();
    await clerk.getByLabel('邮寄单号').fill('1151234567890');
    await clerk.getByLabel('邮寄地址').fill('山东省聊城市东昌府区柳园街道湖南路1号');
    await clerk.getByTestId('issue-results').click();
    await clerk.getByTestId('issued').waitFor();
    expect(await clerk.getByTestId('issued').textContent()).toContain('1151234567890');
    await checkPage(clerk, 'window-issued');
  });
});

describe("the back office's other actions", () => {
  it('suspends the clock for a site inspection and resumes it, reassigns the case, and hands it to the stand-in while the approver is away (AB岗)', async () => {
    const application = await fileFoodPermit('聊城市东昌府区运河码头餐饮有限公司');
    const approvalCase = await caseOf(application.number);
    const wang = await desk();
    await signIn(wang, 'wangshenpi');
    await wang.goto(`/back-office/cases/${approvalCase.id}`);

    await wang.getByRole('button', { name: '中止计时（特别程序）' }).click();
    await chooseOption(wang, '特别程序', '现场勘察');
    await wang.getByLabel('告知申请人的理由').fill('需现场核查经营场所布局与操作流程');
    await wang.getByTestId('action-submit').click();
    await wang.getByText('暂停计时（现场勘察）').first().waitFor();
    await checkPage(wang, 'back-office-case-suspended');
    await wang.getByTestId('resume').click();
    await eventually(async () => expect(await wang.getByText('暂停计时（现场勘察）').count()).toBe(0));

    await wang.getByRole('button', { name: '改派', exact: true }).click();
    await chooseOption(wang, '改派给', '王审批');
    await wang.getByLabel('改派理由').fill('本人承办，便于跟进现场核查结果');
    await wang.getByTestId('action-submit').click();
    await eventually(async () => expect(await wang.getByTestId('holder').textContent()).toBe('王审批'));

    // AB岗: 王审批 goes away; his open cases move to his stand-in 孙复核.
    await wang.getByRole('link', { name: '审批首页' }).click();
    await wang.getByLabel('外出事由').fill('赴省局参加食品安全培训');
    await wang.getByTestId('toggle-away').click();
    await wang.getByText(/外出：赴省局参加食品安全培训/).waitFor();
    await checkPage(wang, 'back-office-home-away');
    await wang.goto(`/back-office/cases/${approvalCase.id}`);
    await eventually(async () => expect(await wang.getByTestId('holder').textContent()).toBe('孙复核'));
    await wang.getByText(/AB岗：由B角 孙复核 代办/).waitFor();
    await wang.getByRole('link', { name: '审批首页' }).click();
    await wang.getByTestId('toggle-away').click();
    await wang.getByRole('cell', { name: '王审批（本人）' }).waitFor();
  });
});

describe('the supplement round trip (退回补正) across both roles', () => {
  it("goes from the approver's request to the window's notice, the supplement recorded there, and the clock running again", async () => {
    const application = await fileFoodPermit('聊城市东昌府区运河人家餐饮有限公司');
    const approvalCase = await caseOf(application.number);

    const approver = await desk();
    await signIn(approver, 'wangshenpi');
    await approver.goto(`/back-office/cases/${approvalCase.id}`);
    await approver.getByTestId('return-for-supplement').click();
    await approver.getByRole('dialog', { name: '退回补正' }).getByText('食品安全管理制度文本', { exact: true }).click();
    await approver.getByLabel('食品安全管理制度文本需补正的内容').fill('缺少进货查验记录制度，请补充后加盖公章');
    await approver.getByLabel('退回理由').fill('申请材料不符合法定形式');
    await approver.getByTestId('action-submit').click();
    await approver.getByText('暂停计时（补正材料）').first().waitFor();

    const clerk = await desk();
    await signIn(clerk, 'lishouli');
    await clerk.goto('/window/desk?tab=department-supplement');
    await clerk.getByRole('cell', { name: application.number, exact: true }).waitFor();
    await checkPage(clerk, 'window-desk-department-supplement');
    await clerk.getByRole('button', { name: `办理 ${application.number}` }).click();
    await clerk.getByText('缺少进货查验记录制度，请补充后加盖公章').waitFor();
    await clerk.getByTestId('supplement-arrived').click();
    await clerk.getByRole('button', { name: '确认已补齐' }).click();
    await eventually(async () => expect(await clerk.getByTestId('supplement-arrived').count()).toBe(0));

    await eventually(
      async () => {
        await approver.reload();
        await approver.getByTestId('current-step').waitFor();
        expect(await approver.getByText('暂停计时（补正材料）').count()).toBe(0);
      },
      { timeoutMs: 30_000 },
    );
    await approver.getByText(/中止计时：补正材料（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）/).waitFor();
  });
});

describe('signing in', () => {
  it('says so when the password is wrong, and locks the account after repeated failures', async () => {
    const admin = await staffApi(platform.baseUrl, 'admin');
    const username = `e2e${Date.now().toString(36)}`;
    const created = await admin.call('POST', '/api/identity/accounts', {
      username,
      displayName: '测试窗口',
      role: 'clerk',
      departmentCode: 'DCF-ZWFWZX',
      password: 'Window@2026',
    });
    expect(created.status).toBe(201);

    const page = await desk();
    await page.goto('/sign-in');
    await checkPage(page, 'sign-in');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: '登 录' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: attempt < 5 ? '用户名或密码错误' : '账户已锁定' })
        .waitFor();
    }
    // Locked: even the right password is refused until the time the message names.
    await page.getByLabel('密码', { exact: true }).fill('Window@2026');
    await page.getByRole('button', { name: '登 录' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /账户已锁定，请于 \d{2}:\d{2} 后重试或联系管理员/ })
      .waitFor();
    await checkPage(page, 'sign-in-locked');
  });

  it('asks for a new password first after an administrator reset it', async () => {
    const admin = await staffApi(platform.baseUrl, 'admin');
    const username = `e2e${Date.now().toString(36)}r`;
    const created = await admin.call<{ id: string }>('POST', '/api/identity/accounts', {
      username,
      displayName: '测试审批',
      role: 'approver',
      departmentCode: 'DCF-SCJGJ',
      password: 'Approve@2026',
    });
    expect(created.status).toBe(201);
    expect((await admin.call('POST', `/api/identity/accounts/${created.body.id}/password`, { newPassword: 'Reset#2026a' })).status).toBe(
      200,
    );

    const page = await desk();
    await signIn(page, username, 'Reset#2026a');
    const dialog = page.getByRole('dialog', { name: '请先修改密码' });
    await dialog.waitFor();
    await checkPage(page, 'password-change-required');
    await dialog.locator('#current-password').fill('Reset#2026a');
    await dialog.locator('#new-password').fill('Mine!2026xyz');
    await dialog.locator('#repeat-password').fill('Mine!2026xyz');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: /测试审批，您好/ }).waitFor();
  });

  it('asks for the password again over the page when the session ends, and submits the half-filled form after', async () => {
    const page = await desk();
    await signIn(page, 'lishouli');
    await page.goto('/window/new?items=DCF-WJW-XK-003');
    await page.getByRole('heading', { name: /收件受理/ }).waitFor();
    const creditCode = aUniqueCreditCode();
    await page.locator('#applicant-identifier').fill(creditCode);
    await page.locator('#applicant-name').fill('聊城市东昌府区金凤凰美容美发有限公司');
    await page.getByLabel('申请人电话').fill('13906351188');
    // A company the 法人库 does not hold yet: the clerk types the form.
    await typeAt(page, 'creditCode', creditCode);
    await typeAt(page, 'organisationName', '聊城市东昌府区金凤凰美容美发有限公司');
    await typeAt(page, 'legalRepresentative', '赵金凤');
    await typeAt(page, 'premisesName', '金凤凰美容美发');
    await addressAt(page, 'businessAddress', '山东省聊城市东昌府区', '新区街道花园北路36号');
    await typeAt(page, 'premisesArea', '65');
    await tickAt(page, 'placeTypes', '美容美发场所');
    await yesNoAt(page, 'centralAirConditioning', false);
    await typeAt(page, 'employeeCount', '5');
    await typeAt(page, 'certifiedStaff', '5');
    await typeAt(page, 'contactPhone', '13906351188');

    // The session ends (signed out elsewhere, or expired): the cookie is gone.
    await page.context().clearCookies();
    await page.getByTestId('submit-intake').click();
    const dialog = page.getByRole('dialog', { name: '登录已失效，请重新登录' });
    await dialog.waitFor();
    await checkPage(page, 'session-expired-dialog');
    expect(await page.locator('#applicant-name').inputValue()).toBe('聊城市东昌府区金凤凰美容美发有限公司');
    expect(await page.locator('#form-premisesName').inputValue()).toBe('金凤凰美容美发');
    await dialog.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await dialog.getByRole('button', { name: '重新登录并继续' }).click();

    // The waiting submission goes through once: the receipt of this applicant.
    await page.getByRole('heading', { name: '受理回执' }).waitFor();
    await page.getByText('聊城市东昌府区金凤凰美容美发有限公司').first().waitFor();
  });
});

describe('乡呼县应 (a town window hands a county item up)', () => {
  it("shows the district window what a town window took in for the county's departments", async () => {
    const handedUp = await fileFoodPermit('聊城市东昌府区古楼街道老街坊餐饮店', { clerk: 'zhaochuang', level: 'town' });
    const page = await desk();
    await signIn(page, 'lishouli');
    await page.getByRole('link', { name: '乡呼县应' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: handedUp.number, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('乡镇（街道）→区县');
    await checkPage(page, 'window-hand-offs');
  });
});

describe('department scope', () => {
  it('keeps an approver of another department out of a case', async () => {
    const application = await fileFoodPermit('聊城市东昌府区古楼老街餐饮有限公司');
    const approvalCase = await caseOf(application.number);
    const page = await desk();
    await signIn(page, 'zhangshenpi');
    await page.goto(`/back-office/cases/${approvalCase.id}`);
    await page.getByTestId('case-problem').waitFor();
    expect(await page.getByTestId('case-problem').textContent()).toMatch(/未找到|无权/);
    expect(await page.getByTestId('approve').count()).toBe(0);
    await checkPage(page, 'back-office-case-other-department');
  });
});

describe('roles without their own pages yet', () => {
  it.each([
    ['jicheng', 'home-integrator'],
    ['admin', 'home-admin'],
  ])('shows %s an honest home that says which screens exist for them', async (username, screenshotName) => {
    const page = await desk();
    await signIn(page, username);
    await page.getByText('现在可以办理').waitFor();
    await page.getByText('映射调试').first().waitFor();
    await checkPage(page, screenshotName);
  });
});
