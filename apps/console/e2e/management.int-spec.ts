/**
 * Centre management (电子监察) in a real browser against the whole platform, on one clock the test
 * moves: a case left past its deadline appears among the overdue cases and opens for its details;
 * the dashboard's figures are the KPI API's values; the monthly report shows for printing.
 */
import { eventually } from '@onewindow/testing';
import { addCalendarDays } from '../src/shared/china-time';
import { caseOf, fileFoodPermit } from './applications';
import { MovingClock } from './moving-clock';
import { consoleSuite } from './suite';
import { checkPage, signIn, staffApi } from './staff';

jest.setTimeout(300_000);

const clock = new MovingClock();
const platform = consoleSuite({ clock });

describe('centre management (电子监察)', () => {
  it('sees a case appear among the overdue once its deadline passed, and the dashboard’s figures equal the KPI API’s', async () => {
    const filed = await fileFoodPermit(platform.baseUrl, '聊城市东昌府区东关大街老字号餐饮有限公司');
    const approvalCase = await caseOf(platform.baseUrl, filed.number);
    const approver = await staffApi(platform.baseUrl, 'wangshenpi');
    const opened = await approver.call<{ deadline: string }>('GET', `/api/approval/cases/${approvalCase.id}`);
    const manager = await staffApi(platform.baseUrl, 'zhouzhuren');
    await eventually(
      async () => {
        const open = await manager.call<{ items: Array<{ applicationNumber: string | null }> }>(
          'GET',
          '/api/supervision/monitoring/cases?status=open&pageSize=100',
        );
        expect(open.body.items.map((c) => c.applicationNumber)).toContain(filed.number);
      },
      { timeoutMs: 30_000 },
    );

    // Nobody decides: three days after the promised date (10:00 China time) the case is overdue.
    clock.jumpTo(`${addCalendarDays(opened.body.deadline, 3)}T02:00:00.000Z`);

    const page = await platform.desk();
    await signIn(page, 'zhouzhuren');
    await page.getByRole('heading', { name: '电子监察' }).waitFor();
    const row = page.locator(`tr[data-overdue="${filed.number}"]`);
    await row.waitFor();
    await checkPage(page, 'management-dashboard');
    await row.getByRole('button', { name: `查看 ${filed.number}` }).click();
    await page.getByTestId('overdue-case').getByText('食品经营许可（新办）').waitFor();
    await page.keyboard.press('Escape');

    // Every figure on the dashboard is the KPI API's value for the month it shows.
    const month = await page.locator('#kpi-month').inputValue();
    const api = await staffApi(platform.baseUrl, 'zhouzhuren');
    const served = await api.call<{ overall: Record<string, number | { value: number | null }> }>(
      'GET',
      `/api/supervision/monitoring/kpis?from=${month}&to=${month}`,
    );
    for (const [key, value] of Object.entries(served.body.overall)) {
      const tile = page.getByTestId(`kpi-${key}`);
      if ((await tile.count()) === 0) continue;
      const expected = typeof value === 'number' ? value : value.value;
      expect({ key, value: await tile.getAttribute('data-value') }).toEqual({ key, value: expected === null ? '' : String(expected) });
    }
    expect(Number(await page.getByTestId('kpi-open').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);

    await page.getByRole('link', { name: '月度报告' }).click();
    await page.getByRole('heading', { name: '月度报告' }).waitFor();
    await page.getByTestId('report-show').click();
    await page.frameLocator('iframe[title="月度报告（打印预览）"]').getByText('东昌府区市场监督管理局').first().waitFor();
    expect(await page.getByTestId('report-csv').getAttribute('href')).toMatch(/report\.csv\?department=DCF-SCJGJ$/);
    await checkPage(page, 'management-report');
  });
});
