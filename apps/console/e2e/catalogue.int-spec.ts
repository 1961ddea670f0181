/**
 * The integration engineer's 映射调试 and the administrator's 事项目录 and 登录审计 in a real
 * browser (Debian's chromium driven by playwright-core) against the whole platform behind the
 * console's one address: a demo system's sample mapped, then broken and its error shown by path;
 * an item's versions, materials and form; the catalogue exported, a broken file refused with each
 * problem by its path; the sign-ins of the test's own account, the failed one too. axe-core on
 * every page, a screenshot of each.
 */
import { readFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import { chooseOption } from './forms';
import { consoleSuite } from './suite';
import { checkPage, newStaffAccount, signIn } from './staff';

jest.setTimeout(300_000);

const platform = consoleSuite();

describe('the integration engineer', () => {
  it("maps a demo system's sample in 映射调试, breaks it and sees the error by its path", async () => {
    const page = await platform.desk();
    await signIn(page, 'jicheng');
    await page.getByRole('navigation').getByRole('link', { name: '映射调试' }).click();
    await page.getByRole('heading', { name: '映射调试' }).waitFor();
    await chooseOption(page, '演示系统样例', '卫健委卫生许可系统');
    const sample = page.locator('#playground-sample');
    await page.waitForFunction(
      () => (document.querySelector('#playground-sample') as HTMLTextAreaElement | null)?.value.includes('WSXK_JG') === true,
    );
    await page.getByTestId('playground-run').click();
    await page.getByTestId('playground-output').filter({ hasText: '"outcome": "approved"' }).waitFor();
    await page.getByText('按 GBK 读取').waitFor();
    await checkPage(page, 'operations-mapping-playground');

    // The department sends a conclusion its code table does not have.
    const text = await sample.inputValue();
    await sample.fill(text.replace('准予许可', '暂缓许可'));
    await page.getByTestId('playground-run').click();
    const error = page.locator('[data-testid="playground-problems"] tr[data-path="SPJL → outcome"]');
    await error.waitFor();
    await error.getByText('暂缓许可').waitFor();
    await page.getByText('映射失败：1处错误').waitFor();
    await checkPage(page, 'operations-mapping-playground-errors');

    // The department's own file, uploaded: its GBK bytes are read as the bridge reads them.
    const file = iconv.encode(text.replace('鲁卫公证字〔2026〕第371502-0087号', '鲁卫公证字〔2026〕第371502-0099号'), 'gbk');
    await page.getByTestId('playground-file').setInputFiles({ name: 'WSXK_JG_0099.xml', mimeType: 'application/xml', buffer: file });
    await page.getByText('按原文件字节发送：WSXK_JG_0099.xml').waitFor();
    await page.getByTestId('playground-run').click();
    await page.getByTestId('playground-output').filter({ hasText: '第371502-0099号' }).waitFor();
  });
});

describe('the administrator', () => {
  it('browses an item’s versions, materials and form, exports the catalogue and sees a broken file refused with each problem by its path', async () => {
    const page = await platform.desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '事项目录' }).click();
    await page.getByLabel('事项名称或编码').fill('施工许可');
    await page.getByRole('button', { name: '查询' }).click();
    const permit = page.locator('tr[data-code="DCF-ZJ-XK-012"]');
    await permit.waitFor();
    await checkPage(page, 'catalogue');

    await permit.getByRole('link').click();
    await page.locator('[data-testid="catalogue-versions"] tr[data-version="1"]').getByText('现行').waitFor();
    await page.getByTestId('catalogue-materials').locator('tbody tr').first().waitFor();
    await page.getByTestId('catalogue-form').locator('.form-section').first().waitFor();
    await checkPage(page, 'catalogue-item');

    await page.getByRole('link', { name: '返回事项目录' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalogue-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^事项目录-\d{4}-\d{2}-\d{2}\.json$/);
    const catalogue = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { items: Array<Record<string, unknown>> };
    expect(catalogue.items.some((item) => item['code'] === 'DCF-ZJ-XK-012')).toBe(true);

    // Two mistakes an editor makes: a deadline beyond a year, and a department the file does not define.
    const broken = {
      ...catalogue,
      items: catalogue.items.map((item, index) =>
        index === 0 ? { ...item, committedWorkingDays: 999 } : index === 1 ? { ...item, department: 'DCF-NONE' } : item,
      ),
    };
    await page
      .getByTestId('catalogue-import')
      .setInputFiles({ name: '事项目录.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = page.getByTestId('catalogue-import-problems');
    await problems.locator('tr[data-path="items[0].committedWorkingDays"]').getByText('时限必须是0到365之间的整数').waitFor();
    await problems.locator('tr[data-path="items[1].department"]').waitFor();
    await page.getByTestId('catalogue-import-refusal').waitFor();
    await checkPage(page, 'catalogue-import-refused');
  });

  it('sees the sign-ins of an account in 登录审计, the failed one too', async () => {
    const username = `e2esj${Date.now().toString(36)}`;
    const { password } = await newStaffAccount(platform.baseUrl, { username, displayName: '审计测试', role: 'manager' });
    const own = await platform.desk();
    await own.goto('/sign-in');
    await own.getByLabel('用户名').fill(username);
    await own.getByLabel('密码', { exact: true }).fill('Wrong!2026pass');
    await own.getByRole('button', { name: '登 录' }).click();
    await own
      .getByRole('alert')
      .filter({ hasText: /用户名或密码/ })
      .waitFor();
    await signIn(own, username, password);

    const page = await platform.desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '登录审计' }).click();
    await page.getByLabel('账号', { exact: true }).fill(username);
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator(`[data-testid="sign-in-audit"] tr[data-username="${username}"]`);
    await rows.filter({ hasText: '用户名或密码错误' }).waitFor();
    await rows.filter({ hasText: '成功' }).first().waitFor();
    expect(await rows.filter({ hasText: '用户名或密码错误' }).count()).toBe(1);
    await checkPage(page, 'operations-sign-ins');
  });
});
