/**
 * The integration engineer's and the administrator's pages in a real browser (Debian's chromium
 * driven by playwright-core) against the whole platform behind the console's one address: the
 * department systems' health with pause and resume, the exchange log with its filters, hash-chain
 * check and reconciliation, and a dead letter replayed once its cause is fixed, the delivery then
 * acknowledged; a mapping fixed in the adapters file, reloaded from the console and the delivery it
 * dead-lettered replayed; a dead letter discarded with a reason. axe-core on every page, a
 * screenshot of each.
 */
import { aUniqueCreditCode } from '@onewindow/domain/testing';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { aDemoForm, eventually, setOutboundCodeTableEntry } from '@onewindow/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chinaToday } from '../src/shared/china-time';
import { launchChromium, newDesk } from './browser';
import { chooseOption } from './forms';
import { startConsolePlatform, type ConsolePlatform } from './platform';
import { checkPage, signIn, staffApi, type StaffApi } from './staff';

jest.setTimeout(300_000);

const MARKET_ADAPTER = 'dcf-scjgj-qydj';
const MARKET_SYSTEM = '市场监管局企业登记系统';

let platform: ConsolePlatform;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [platform, browser] = await Promise.all([startConsolePlatform(), launchChromium()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await platform?.stop();
});

async function desk(): Promise<Page> {
  const context = await newDesk(browser, platform.baseUrl);
  contexts.push(context);
  return context.newPage();
}

/** The simulated 市场监管局 system the bridge delivers to: down (HTTP 503) or back up. */
async function marketSystemDown(admin: StaffApi, down: boolean): Promise<void> {
  const systems = await admin.call<{ market: { url: string } }>('GET', '/api/bridge/demo/department-systems');
  expect(systems.status).toBe(200);
  const answer = await fetch(`${systems.body.market.url}/api/outage`, { method: 'PUT', body: JSON.stringify({ down }) });
  expect(answer.status).toBe(200);
}

/** 企业设立登记, handled in the 市场监管局's own system: the bridge delivers the filed part to it. */
async function fileCompanyRegistration(name: string): Promise<string> {
  const clerk = await staffApi(platform.baseUrl, 'lishouli');
  const company = { creditCode: aUniqueCreditCode(), name, phone: '13906351234' };
  const filed = await clerk.call<{ number: string; status: string }>('POST', '/api/intake/applications', {
    itemCodes: ['DCF-SCJG-DJ-001'],
    channel: 'window',
    level: 'district',
    applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
    situations: { 'DCF-SCJG-DJ-001': { Q1: 'LLC' } },
    ...aDemoForm('DCF-SCJG-DJ-001', company),
    allOtherMaterialsProvided: true,
  });
  expect(filed.status).toBe(201);
  expect(filed.body.status).toBe('accepted');
  return filed.body.number;
}

/** The demo adapters file the bridge runs on (written to the demo folder at start), edited as an engineer would. */
async function adaptersFile(admin: StaffApi): Promise<string> {
  const systems = await admin.call<{ adaptersFile: string }>('GET', '/api/bridge/demo/department-systems');
  expect(systems.status).toBe(200);
  return systems.body.adaptersFile;
}

/** 主体类型 in the 市场监管局 outbound mapping: `organisation` is right; `organization` maps no company. */
function setCompanyPartyKind(file: string, label: string): Promise<void> {
  return setOutboundCodeTableEntry(file, { adapterId: MARKET_ADAPTER, table: '主体类型', code: '2', label });
}

async function openDeadLetter(admin: StaffApi, number: string): Promise<{ id: string; code: string }> {
  return eventually(
    async () => {
      const letters = await admin.call<{ items: Array<{ id: string; code: string; applicationNumber: string | null }> }>(
        'GET',
        `/api/bridge/dead-letters?adapterId=${MARKET_ADAPTER}&status=open&pageSize=100`,
      );
      const letter = letters.body.items.find((item) => item.applicationNumber === number);
      expect(letter).toBeDefined();
      return letter as { id: string; code: string };
    },
    { timeoutMs: 60_000 },
  );
}

describe('the integration engineer and the administrator', () => {
  it('see every department system, pause one with a reason the page asks for, and resume it', async () => {
    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '对接系统' }).click();
    const market = page.locator(`tr[data-adapter="${MARKET_ADAPTER}"]`);
    await market.waitFor();
    await checkPage(page, 'operations-adapters');

    await page.getByRole('button', { name: `暂停 ${MARKET_SYSTEM}` }).click();
    await page.getByTestId('action-submit').click();
    await page.locator('.ow-field-error', { hasText: '暂停原因' }).waitFor();
    await page.getByLabel('暂停原因').fill('市场监管局企业登记系统升级，今晚20:00至22:00暂停接收');
    await page.getByTestId('action-submit').click();
    await market.getByTestId('adapter-status').filter({ hasText: '已暂停' }).waitFor();
    await market.getByText('暂停原因：市场监管局企业登记系统升级').waitFor();

    await page.getByRole('button', { name: `恢复 ${MARKET_SYSTEM}` }).click();
    await market
      .getByTestId('adapter-status')
      .filter({ hasText: /运行正常|最近一次交换失败/ })
      .waitFor();
  });

  it('replays a delivery dead-lettered while the 市场监管局 system was down, once it is back, and sees it acknowledged in the exchange log', async () => {
    const admin = await staffApi(platform.baseUrl, 'admin');
    await marketSystemDown(admin, true);
    let number: string;
    try {
      number = await fileCompanyRegistration('聊城市东昌府区鲁西运河物流有限公司');
      await eventually(
        async () => {
          const letters = await admin.call<{ items: Array<{ applicationNumber: string | null }> }>(
            'GET',
            `/api/bridge/dead-letters?adapterId=${MARKET_ADAPTER}&status=open`,
          );
          expect(letters.body.items.some((letter) => letter.applicationNumber === number)).toBe(true);
        },
        { timeoutMs: 60_000 },
      );
    } finally {
      await marketSystemDown(admin, false);
    }

    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    const letter = page.locator(`tr[data-application="${number}"]`);
    await letter.waitFor();
    await letter.getByText('已尝试 5 次仍失败').waitFor();
    await page.getByRole('button', { name: `查看内容 ${number}` }).click();
    await page
      .getByLabel(/^内容 /)
      .first()
      .waitFor();
    await page.mouse.move(0, 0);
    await checkPage(page, 'operations-dead-letters');

    await page.getByRole('button', { name: `重放 ${number}` }).click();
    await page.getByTestId('replay-report').getByText('已重新排队投递 1 条').waitFor();

    // The exchange log of that application: the failed attempts, then the delivery the system acknowledged.
    await page.getByRole('navigation').getByRole('link', { name: '交换日志' }).click();
    await page.getByLabel('受理编号').fill(number);
    await chooseOption(page, '交换状态', '对方已确认');
    await eventually(
      async () => {
        await page.getByRole('button', { name: '查询' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.el-loading-mask').length === 0);
        expect(await page.getByTestId('exchange-status').allTextContents()).toEqual(['对方已确认']);
      },
      { timeoutMs: 30_000 },
    );
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page
      .getByTestId('chain-verification')
      .getByText(/^哈希链完整/)
      .waitFor();
    await chooseOption(page, '对账的对接系统', MARKET_SYSTEM);
    await page.getByRole('button', { name: '对账', exact: true }).click();
    await page.getByTestId('reconciliation').waitFor();
    await checkPage(page, 'operations-exchange-log');

    // And the dead letter is done with.
    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    await chooseOption(page, '死信状态', '已重放');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator(`tr[data-application="${number}"]`).getByTestId('dead-letter-status').filter({ hasText: '已重放' }).waitFor();
  });

  it('fixes a mapping in the adapters file, reloads it from 对接系统, replays the delivery it dead-lettered and sees the 市场监管局 system acknowledge it', async () => {
    const admin = await staffApi(platform.baseUrl, 'admin');
    const file = await adaptersFile(admin);
    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '对接系统' }).click();
    await page.locator(`tr[data-adapter="${MARKET_ADAPTER}"]`).waitFor();
    let number: string;
    try {
      // An edit gone wrong: the company party kind spelt the American way, reloaded, and a company's registration cannot be mapped.
      await setCompanyPartyKind(file, 'organization');
      await page.getByRole('button', { name: '重新加载配置' }).click();
      await page.getByTestId('reload-outcome').getByText('dcf-scjgj-qydj-outbound').waitFor();
      number = await fileCompanyRegistration('聊城市东昌府区运河映射测试有限公司');
      expect((await openDeadLetter(admin, number)).code).toBe('code_unmapped');

      // The engineer sees why in 死信处理: the field and the mapping rule at fault.
      await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
      const letter = page.locator(`tr[data-application="${number}"]`);
      await letter.waitFor();
      await letter.getByText(/codeTable/).waitFor();
      await checkPage(page, 'operations-dead-letter-bad-mapping');

      // A file with a mistake is refused by path, and what runs is kept.
      const good = await readFile(file, 'utf8');
      await writeFile(file, good.replace('"maxAttempts": 5', '"maxAttempts": 0'));
      await page.getByRole('navigation').getByRole('link', { name: '对接系统' }).click();
      await page.getByRole('button', { name: '重新加载配置' }).click();
      await page.getByTestId('reload-refusal').getByText('adapters[0].outbound.maxAttempts').waitFor();
      await page
        .getByTestId('reload-refusal')
        .getByText(/仍按原配置运行/)
        .waitFor();
      await checkPage(page, 'operations-adapters-reload-refused');

      // Fixed, reloaded from the console, replayed: the system takes it.
      await writeFile(file, good);
      await setCompanyPartyKind(file, 'organisation');
      await page.getByRole('button', { name: '重新加载配置' }).click();
      await page.getByTestId('reload-outcome').getByText('dcf-scjgj-qydj-outbound').waitFor();
      await checkPage(page, 'operations-adapters-reloaded');
    } finally {
      await setCompanyPartyKind(file, 'organisation');
      await admin.call('POST', '/api/bridge/adapters/reload');
    }

    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    await page.getByRole('button', { name: `重放 ${number}` }).click();
    await page.getByTestId('replay-report').getByText('已重新排队投递 1 条').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '交换日志' }).click();
    await page.getByLabel('受理编号').fill(number);
    await chooseOption(page, '交换状态', '对方已确认');
    await eventually(
      async () => {
        await page.getByRole('button', { name: '查询' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.el-loading-mask').length === 0);
        expect(await page.getByTestId('exchange-status').allTextContents()).toEqual(['对方已确认']);
      },
      { timeoutMs: 30_000 },
    );
    await checkPage(page, 'operations-exchange-log-after-reload');
  });

  it('discards a dead letter only with a reason, and shows who discarded it and why', async () => {
    const admin = await staffApi(platform.baseUrl, 'admin');
    await marketSystemDown(admin, true);
    let number: string;
    try {
      number = await fileCompanyRegistration('聊城市东昌府区丢弃测试商贸有限公司');
      await openDeadLetter(admin, number);
    } finally {
      await marketSystemDown(admin, false);
    }
    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    await page.locator(`tr[data-application="${number}"]`).waitFor();
    await page.getByRole('button', { name: `丢弃 ${number}` }).click();
    await page.getByTestId('action-submit').click();
    await page.locator('.ow-field-error', { hasText: '丢弃原因' }).waitFor();
    await checkPage(page, 'operations-dead-letter-discard');
    await page.getByLabel('丢弃原因').fill('申请人已撤回该办件，无需再推送市场监管局');
    await page.getByTestId('action-submit').click();

    await chooseOption(page, '死信状态', '已丢弃');
    await page.getByRole('button', { name: '查询' }).click();
    const discarded = page.locator(`tr[data-application="${number}"]`);
    await discarded.getByTestId('dead-letter-status').filter({ hasText: '已丢弃' }).waitFor();
    await discarded.getByTestId('discard-reason').getByText('丢弃原因：申请人已撤回该办件，无需再推送市场监管局').waitFor();
    await discarded
      .getByTestId('discard-reason')
      .getByText(/系统管理员|admin/)
      .waitFor();
  });

  it("discards one of a service's dead letters only with a reason, and shows why in the service's list", async () => {
    const query = platform.query;
    if (!query) return; // Against a platform already running there is no database to set up a poison message in.
    // A message approval's consumer could not handle, as the pipeline records it (set up in its schema: no console route makes poison).
    const id = randomUUID();
    const offset = String(900_000 + Math.floor(Math.random() * 99_999));
    const value = Buffer.from('{"id":"not-an-event"');
    await query(
      'approval',
      `INSERT INTO $schema.dead_letter (id, consumer, reason, detail, original_topic, original_partition, original_offset, original_key, original_value, original_size, original_sha256, original_excerpt, original_headers, attempts)
       VALUES ($1, 'approval.open-cases', 'invalid-event', 'not valid JSON', 'intake.application.accepted.v1', 0, $2, NULL, $3, $4, $5, $6, '{}'::jsonb, 0)`,
      [id, offset, value, value.length, createHash('sha256').update(value).digest('hex'), value.toString('utf8')],
    );
    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    await page.getByRole('tab', { name: '审批服务' }).click();
    const row = page.locator(`tr[data-dead-letter="${id}"]`);
    await row.waitFor();
    await page.getByRole('button', { name: `丢弃 intake.application.accepted.v1 ${offset}` }).click();
    await page.getByTestId('action-submit').click();
    await page.locator('.ow-field-error', { hasText: '丢弃原因' }).waitFor();
    await page.getByLabel('丢弃原因').fill('截断的测试消息，已与受理服务核对，无需重放');
    await page.getByTestId('action-submit').click();
    // Discarded, it leaves the open ones; the discarded ones show it with the reason.
    await row.waitFor({ state: 'detached' });
    await chooseOption(page, '死信状态', '已丢弃');
    await page.getByRole('button', { name: '查询' }).click();
    await row.getByTestId('discard-reason').getByText('丢弃原因：截断的测试消息，已与受理服务核对，无需重放').waitFor();
    await checkPage(page, 'operations-service-dead-letter-discarded');
  });

  it("show the integrator of the 卫健委 only the department's own systems, without the services' dead letters", async () => {
    const page = await desk();
    await signIn(page, 'jicheng');
    await page.getByRole('navigation').getByRole('link', { name: '对接系统' }).click();
    await page.locator('tr[data-adapter]').first().waitFor();
    expect(await page.locator(`tr[data-adapter="${MARKET_ADAPTER}"]`).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: '死信处理' }).click();
    await page.getByRole('tab', { name: '部门系统交换' }).waitFor();
    expect(await page.getByRole('tab', { name: '受理服务' }).count()).toBe(0);
    await checkPage(page, 'operations-dead-letters-integrator');
  });

  it("warn the administrator from 1 November that next year's working-day calendar is missing, refuse a bad year naming the date, and load a good one into intake and approval", async () => {
    const page = await desk();
    await signIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '工作日历' }).click();
    await page.locator('tr[data-year="2026"]').waitFor();
    const today = chinaToday();
    const nextYear = Number(today.slice(0, 4)) + 1;
    if (today.slice(5) >= '11-01') await page.getByTestId('calendar-banner').getByText(`${nextYear}年的工作日历`).waitFor();
    await checkPage(page, 'operations-calendar');

    const year = (holidayDate: string) =>
      JSON.stringify({
        year: nextYear,
        holidays: [
          { date: `${nextYear}-01-01`, name: '元旦' },
          { date: holidayDate, name: '劳动节' },
        ],
        makeUpWorkdays: [{ date: `${nextYear}-04-25`, name: '劳动节调休' }],
      });
    await page.getByLabel('日历内容（JSON）').fill(year(`${nextYear}-02-30`));
    await page.getByRole('button', { name: '载入' }).click();
    await page.getByTestId('calendar-refusal').getByText('holidays[1].date').waitFor();

    await page.getByLabel('日历内容（JSON）').fill(year(`${nextYear}-05-01`));
    await page.getByRole('button', { name: '载入' }).click();
    const loaded = page.locator(`tr[data-year="${nextYear}"]`);
    // Loaded into intake first, then approval: the row is complete once approval has it too.
    await loaded.locator('td').nth(2).filter({ hasText: '已载入' }).waitFor();
    expect(await loaded.locator('td').allTextContents()).toEqual([`${nextYear}年`, '已载入', '已载入']);
    expect(await page.getByTestId('calendar-banner').count()).toBe(0);
  });
});
