/**
 * The supervisors' pages (审管互动) in a real browser against the whole platform: a licence the
 * approvers issue moments before reaches the supervising department's inbox and is acknowledged
 * (认领); the holder's page, publishing and withdrawing a record; a false pledge and the revocation
 * it triggers; a supervisor of another department sees none of it. axe-core and screenshots on each page.
 */
import { eventually } from '@onewindow/testing';
import type { Page } from 'playwright-core';
import { addCalendarDays, chinaToday } from '../src/shared/china-time';
import { approveFoodPermit, caseOf, fileFoodPermit } from './applications';
import { consoleSuite } from './suite';
import { checkPage, newStaffAccount, signIn, staffApi } from './staff';

jest.setTimeout(300_000);

const platform = consoleSuite();

/** A fresh desk (its own cookies: its own session) with the console open. */
function desk(): Promise<Page> {
  return platform.desk();
}

/** A 食品经营许可 filed at the window and approved by the market regulator: the new licence's number and holder. */
async function newLicenceHolder(
  companyName: string,
  options: { pledgeRules?: boolean } = {},
): Promise<{ licenceNumber: string; creditCode: string }> {
  const filed = await fileFoodPermit(platform.baseUrl, companyName, options);
  const approvalCase = await caseOf(platform.baseUrl, filed.number);
  const licenceNumber = await approveFoodPermit(platform.baseUrl, approvalCase.id);
  return { licenceNumber, creditCode: filed.creditCode };
}

/** Reloads until a row shows up (the notice travels licence.issued → supervision through Kafka). */
async function rowAppears(page: Page, selector: string): Promise<void> {
  await eventually(
    async () => {
      await page.reload();
      await page.locator(selector).waitFor({ timeout: 2_000 });
    },
    { timeoutMs: 30_000 },
  );
}

describe('the supervisor (监管人员)', () => {
  it('acknowledges the notice of a licence the approvers issued moments before, then publishes and withdraws a record on the holder’s page', async () => {
    const { licenceNumber, creditCode } = await newLicenceHolder('聊城市东昌府区金柳园餐饮有限公司');

    const page = await desk();
    await signIn(page, 'liujianguan');
    await page.getByRole('heading', { name: '监管告知' }).waitFor();
    const row = `tr[data-notice="${licenceNumber}"]`;
    await rowAppears(page, row);
    expect(await page.locator(row).getByTestId('countdown').textContent()).toMatch(/^剩 \d/);
    expect(await page.locator(row).textContent()).toContain('待认领');
    await checkPage(page, 'supervision-notices');

    await page
      .locator(row)
      .getByRole('button', { name: `认领 聊城市东昌府区金柳园餐饮有限公司 ${licenceNumber}` })
      .click();
    await eventually(async () => expect(await page.locator(row).textContent()).toContain('已认领'));
    // Unread first: no acknowledged notice above one still waiting.
    const states = await page.locator('table.notices tbody tr').evaluateAll((rows) => rows.map((r) => r.classList.contains('unread')));
    expect(states.indexOf(false) === -1 || !states.slice(states.indexOf(false)).includes(true)).toBe(true);

    // The holder's page: the licence with the address and scope from the application form.
    await page.locator(row).getByRole('button', { name: '查看持证主体 聊城市东昌府区金柳园餐饮有限公司' }).click();
    await page.getByRole('heading', { name: '持证主体：聊城市东昌府区金柳园餐饮有限公司' }).waitFor();
    const licence = page.locator(`[data-licence="${licenceNumber}"]`);
    expect(await licence.getByTestId('holder-address').textContent()).toContain('柳园街道湖南路1号');
    expect(await licence.getByTestId('holder-scope').textContent()).toContain('热食类食品制售');
    expect(await page.locator('#record-holder-identifier').inputValue()).toBe(creditCode);

    // A record without a title or a date: the server's messages beside the fields.
    await page.getByTestId('publish-record').click();
    await page.getByTestId('record-form').getByRole('alert').filter({ hasText: '标题' }).first().waitFor();
    await page.getByTestId('record-form').getByRole('alert').filter({ hasText: /日期/ }).first().waitFor();
    await checkPage(page, 'supervision-record-errors');

    await page.locator('#record-title').fill('日常监督检查：后厨卫生符合要求');
    await page.locator('#record-decided-on').fill(chinaToday());
    await page.locator('#record-decided-on').press('Enter');
    await page.locator('#record-details').fill('检查后厨、仓储和从业人员健康证明，未发现问题。');
    await page.getByTestId('publish-record').click();
    const record = page.locator('tr[data-record="日常监督检查：后厨卫生符合要求"]');
    await record.waitFor();
    expect(await record.getByTestId('record-state').textContent()).toContain('有效');
    await checkPage(page, 'supervision-holder');

    await record.getByRole('button', { name: '撤回 日常监督检查：后厨卫生符合要求' }).click();
    await page.getByTestId('action-submit').click();
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: '撤回理由' }).first().waitFor();
    await page.getByLabel('撤回理由').fill('检查对象登记有误，重新检查后另行发布');
    await page.getByTestId('action-submit').click();
    await eventually(async () => expect(await record.getByTestId('record-state').textContent()).toContain('已撤回：检查对象登记有误'));
  });

  it('records a false pledge and sees the revocation and the blacklisting it triggers', async () => {
    const { licenceNumber } = await newLicenceHolder('聊城市东昌府区闸口老街餐饮有限公司', { pledgeRules: true });

    const page = await desk();
    await signIn(page, 'liujianguan');
    await page.getByRole('heading', { name: '监管告知' }).waitFor();
    await page.getByRole('link', { name: '告知承诺核查' }).click();
    await page.getByRole('heading', { name: '告知承诺核查' }).waitFor();
    const row = `tr[data-verification="${licenceNumber}"]`;
    await rowAppears(page, row);
    expect(await page.locator(row).textContent()).toContain('食品安全管理制度文本');
    await checkPage(page, 'supervision-pledges');

    await page
      .locator(row)
      .getByRole('button', { name: /^登记核查结果/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承诺不实', { exact: true }).click();
    await page.getByTestId('false-pledge-warning').waitFor();
    expect(await page.getByTestId('false-pledge-warning').textContent()).toContain(`撤销许可证 ${licenceNumber}`);
    await page.getByLabel('核查情况').fill('经现场核查，未建立进货查验记录制度，与承诺不符');
    await page.getByLabel('失信认定决定书文号').fill('东市监信〔2026〕9号');
    await page.locator('#pledge-valid-until').fill(addCalendarDays(chinaToday(), 365));
    await page.locator('#pledge-valid-until').press('Enter');
    await checkPage(page, 'supervision-pledge-false');
    await page.getByTestId('action-submit').click();

    await eventually(async () => {
      const outcome = await page.locator(row).getByTestId('verification-outcome').textContent();
      expect(outcome).toContain(`承诺不实：已提请发证部门撤销许可证 ${licenceNumber}`);
      expect(outcome).toContain('已将持证主体列入严重失信名单');
    });
  });
});

describe('the supervising head (监管负责人)', () => {
  it('has the escalations (督办) beside the inbox', async () => {
    const page = await desk();
    await signIn(page, 'chenkezhang');
    await page.getByRole('heading', { name: '监管告知' }).waitFor();
    await page.getByRole('link', { name: '超时督办' }).click();
    await page.getByRole('heading', { name: '超时督办' }).waitFor();
    await page.getByRole('heading', { name: '督办统计' }).waitFor();
    await checkPage(page, 'supervision-escalated');
    // Departments are named in Chinese (from the service's department list), never by their codes.
    for (const name of await page.locator('[data-testid^="department-"]').allTextContents()) expect(name).not.toMatch(/^[A-Z]+-[A-Z]+/);
  });
});

describe('department scope of notices', () => {
  it('keeps a supervisor of another department from seeing or acknowledging the market regulator’s notices', async () => {
    const { licenceNumber, creditCode } = await newLicenceHolder('聊城市东昌府区站前街餐饮有限公司');
    // The market regulator's supervisor has it…
    const liu = await staffApi(platform.baseUrl, 'liujianguan');
    let noticeId = '';
    await eventually(
      async () => {
        const inbox = await liu.call<{ items: Array<{ id: string; licenceNumber: string }> }>(
          'GET',
          `/api/supervision/notices?holder=${creditCode}`,
        );
        noticeId = inbox.body.items.find((n) => n.licenceNumber === licenceNumber)?.id ?? '';
        expect(noticeId).not.toBe('');
      },
      { timeoutMs: 30_000 },
    );

    // …the fire brigade's supervisor (not among the food permit's supervising departments) does not.
    const username = `e2ejg${Date.now().toString(36)}`;
    const { password } = await newStaffAccount(platform.baseUrl, {
      username,
      displayName: '消防监管',
      role: 'supervisor',
      departmentCode: 'DCF-XFJY',
    });
    const page = await desk();
    await signIn(page, username, password);
    await page.getByRole('heading', { name: '监管告知' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.el-loading-mask').length === 0);
    expect(await page.locator(`tr[data-notice="${licenceNumber}"]`).count()).toBe(0);
    await page.goto(`/supervision/holders/${creditCode}`);
    await page.getByText('本部门没有该主体的许可告知').waitFor();
    await checkPage(page, 'supervision-other-department');

    const other = await staffApi(platform.baseUrl, username, password);
    expect((await other.call('POST', `/api/supervision/notices/${noticeId}/acknowledge`)).status).toBe(404);
  });
});
