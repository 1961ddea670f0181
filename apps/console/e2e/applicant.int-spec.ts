/**
 * The applicant's pages (掌上政务大厅) on a phone's screen (390×844), no staff sign-in: following an
 * application by its number and the phone's last 4 digits until the results wait at the centre,
 * rating it once issued (a reason required for 不满意), the department's answer and the follow-up
 * rating; booking a window appointment; and, signed in with the code the SMS brought (read from
 * intake's SMS outbox), filing an item online for pre-review (网上预审), which a clerk then accepts.
 * axe-core and a screenshot on each page.
 */
import { aResidentId } from '@onewindow/domain/testing';
import { eventually } from '@onewindow/testing';
import { addCalendarDays, chinaToday } from '../src/shared/china-time';
import { approveFoodPermit, caseOf, fileFoodPermit } from './applications';
import { addressAt, chooseAt, chooseOption, typeAt } from './forms';
import { consoleSuite } from './suite';
import { checkPage, signIn, staffApi } from './staff';

jest.setTimeout(300_000);

const platform = consoleSuite();
const PHONE = { viewport: { width: 390, height: 844 } };

describe('an applicant on a phone', () => {
  it('follows an application by number and the phone’s last 4 digits, then rates it after issuance and sees the department’s answer', async () => {
    const filed = await fileFoodPermit(platform.baseUrl, '聊城市东昌府区运河人家小吃店', { phone: '13906357788' });
    const approvalCase = await caseOf(platform.baseUrl, filed.number);

    const page = await platform.desk(PHONE);
    await page.goto('/public/progress');
    await page.getByRole('heading', { name: '办件查询' }).waitFor();
    // A wrong last 4 digits: the same answer as an unknown number.
    await page.getByLabel('受理编号').fill(filed.number.toLowerCase());
    await page.getByLabel('手机号码后4位').fill('1234');
    await page.getByTestId('progress-search').click();
    await page.getByRole('alert').filter({ hasText: '未查询到该申请' }).waitFor();
    await checkPage(page, 'applicant-progress-not-found');

    await page.getByLabel('手机号码后4位').fill('7788');
    await page.getByTestId('progress-search').click();
    expect(await page.getByTestId('progress-state').textContent()).toBe('审批办理中');
    expect(await page.getByTestId('progress-timeline').textContent()).toContain('已受理，转审批部门办理');
    await checkPage(page, 'applicant-progress');

    // Approved: the results wait at the centre — where and when to collect them.
    await approveFoodPermit(platform.baseUrl, approvalCase.id);
    await eventually(
      async () => {
        await page.getByTestId('progress-search').click();
        expect(await page.getByTestId('progress-state').textContent()).toBe('已办结，待领取结果');
      },
      { timeoutMs: 30_000 },
    );
    expect(await page.getByTestId('progress-collection').textContent()).toMatch(/请于工作日.*东昌府区政务服务中心领取办理结果/);
    expect(await page.getByTestId('progress-part').textContent()).toContain('准予许可');
    await checkPage(page, 'applicant-progress-decided');

    // The window hands the licence out (统一出件); the applicant is invited to rate (一事一评).
    const clerk = await staffApi(platform.baseUrl, 'lishouli');
    expect((await clerk.call('POST', `/api/intake/applications/${filed.id}/issuance`, { method: 'window' })).status).toBeLessThan(300);
    await page.getByTestId('progress-search').click();
    await page.getByTestId('rating-form').waitFor();
    await page.getByRole('radiogroup', { name: '评价等级' }).getByText('不满意', { exact: true }).click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-form').getByRole('alert').filter({ hasText: '请写明原因' }).waitFor();
    await checkPage(page, 'applicant-rating-reason-required');
    await page.getByLabel('评价内容').fill('现场勘察约了两次才来，耽误了开业');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-sent').waitFor();
    expect(await page.getByTestId('rectification').textContent()).toContain('部门整改中');

    // The market regulator answers; the applicant sees the answer and rates again.
    const approver = await staffApi(platform.baseUrl, 'wangshenpi');
    const open = await approver.call<{ items: Array<{ id: string; applicationNumber: string }> }>(
      'GET',
      '/api/intake/rectifications?status=open&pageSize=100',
    );
    const rectification = open.body.items.find((item) => item.applicationNumber === filed.number);
    expect(rectification).toBeDefined();
    expect(
      (
        await approver.call('POST', `/api/intake/rectifications/${rectification!.id}/answer`, {
          answer: '已约谈现场勘察人员，今后勘察一次预约到位，并向您致歉',
        })
      ).status,
    ).toBeLessThan(300);
    await page.getByTestId('progress-search').click();
    await page.getByText('部门答复：已约谈现场勘察人员').waitFor();
    await page.getByRole('radiogroup', { name: '评价等级' }).getByText('满意', { exact: true }).click();
    await page.getByTestId('rating-submit').click();
    await eventually(async () => expect(await page.getByTestId('rectification').textContent()).toContain('整改已办结'));
    await checkPage(page, 'applicant-progress-rated');
  });

  it('books a half-hour at the window for a working day', async () => {
    // The first working day ahead with places left (weekends and holidays have none).
    let day = '';
    for (let ahead = 1; ahead <= 10 && !day; ahead += 1) {
      const candidate = addCalendarDays(chinaToday(), ahead);
      const slots = await fetch(`${platform.baseUrl}/api/intake/appointments/slots?day=${candidate}`).then(
        (r) => r.json() as Promise<{ slots: Array<{ remaining: number }> }>,
      );
      if (slots.slots?.some((slot) => slot.remaining > 0)) day = candidate;
    }
    expect(day).not.toBe('');

    const page = await platform.desk(PHONE);
    await page.goto('/public/appointments');
    await page.getByRole('heading', { name: '预约办事' }).waitFor();
    await page.locator('#booking-item').click();
    await page.keyboard.type('食品经营许可');
    await page
      .getByRole('option', { name: /食品经营许可/ })
      .first()
      .click();
    await page.locator('#booking-day').fill(day);
    await page.locator('#booking-day').press('Enter');
    const freeSlot = page.getByRole('radiogroup', { name: '预约时段' }).locator('label.el-radio:not(.is-disabled)').first();
    await freeSlot.waitFor();
    await freeSlot.click();
    await page.getByLabel('姓名').fill('王秀兰');
    await page.locator('#booking-phone').fill('13906351188');
    await checkPage(page, 'applicant-appointment');
    await page.getByTestId('booking-submit').click();
    await page.getByTestId('booked').waitFor();
    expect(await page.getByTestId('booked').textContent()).toMatch(/预约号 YY\d+/);
    expect(await page.getByTestId('booked').textContent()).toContain(day);
    await checkPage(page, 'applicant-appointment-booked');
  });

  it('signs in with the code the SMS brought, files an item online for pre-review, follows it in 我的申报 while a clerk pre-reviews and accepts it', async () => {
    const phone = '13906352468';
    const page = await platform.desk(PHONE);
    await page.goto('/public/mine');
    await page.getByTestId('mine-sign-in-needed').waitFor();
    await checkPage(page, 'applicant-mine-sign-in-needed');
    await page.getByRole('link', { name: '短信验证码登录' }).click();
    await page.getByRole('heading', { name: '申请人登录' }).waitFor();

    // By keyboard: the phone, 获取验证码, then the code the SMS brought (a wrong one first).
    await page.locator('#applicant-phone').fill(phone);
    await page.locator('#applicant-phone').press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('code-sent').waitFor();
    expect(await page.getByTestId('code-sent').textContent()).toContain('139****2468');
    const code = await platform.smsCode(phone);
    await page.locator('#applicant-code').fill(code === '000000' ? '111111' : '000000');
    await page.locator('#applicant-code').press('Enter');
    await page.getByText('验证码不正确，还可以再试 4 次').waitFor();
    await checkPage(page, 'applicant-sign-in-wrong-code');
    await page.locator('#applicant-code').fill(code);
    await page.locator('#applicant-code').press('Enter');
    await page.getByTestId('mine-empty').waitFor();
    expect(page.url()).toMatch(/\/public\/mine$/);

    // 网上申报: the item, its 办理情形, the applicant, the form, the materials attached.
    await page.getByRole('navigation', { name: '办事服务' }).getByRole('link', { name: '网上申报' }).click();
    await page.getByRole('heading', { name: '网上申报' }).waitFor();
    await chooseOption(page, '办理事项', '城乡居民基本医疗保险参保登记');
    await page.getByText('是否为新生儿参保').waitFor();
    await page.getByRole('radiogroup', { name: '是否为新生儿参保' }).getByText('其他居民').click();
    const residentId = aResidentId({ birthDate: '1986-04-12', sequence: 57, sex: 'female' });
    await page.getByRole('radiogroup', { name: '申请人类型' }).getByText('自然人').click();
    await page.locator('#online-applicant-name').fill('王秀兰');
    await page.locator('#online-applicant-identifier').fill(residentId);
    await typeAt(page, 'residentId', residentId);
    await typeAt(page, 'personName', '王秀兰');
    await addressAt(page, 'householdAddress', '山东省聊城市东昌府区', '古楼街道东关街18号');
    await chooseAt(page, 'category', '普通居民');
    await typeAt(page, 'contactPhone', phone);
    await page.getByTestId('material-M01').click();
    await checkPage(page, 'applicant-online-filing');
    await page.getByTestId('online-submit').click();
    await page.getByTestId('online-submitted').waitFor();
    const number = (await page.getByTestId('copyable-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^YC\d{14}$/);
    await checkPage(page, 'applicant-online-submitted');

    await page.getByRole('link', { name: '查看我的申报' }).click();
    const mine = page.getByTestId('mine-application').filter({ hasText: number });
    await mine.waitFor();
    expect(await mine.getByTestId('mine-pre-review').textContent()).toBe('网上预审：待预审');
    expect(await mine.getByTestId('mine-state').textContent()).toBe('网上申请预审中');
    await checkPage(page, 'applicant-mine-pre-review');

    // The window's pre-review (网上预审): the clerk finds it on the desk and accepts it without a visit.
    const clerk = await platform.desk();
    await signIn(clerk, 'lishouli');
    await clerk.goto('/window/desk?tab=pre-review');
    await clerk.getByRole('button', { name: `办理 ${number}` }).click();
    await clerk.getByTestId('pre-review').waitFor();
    await checkPage(clerk, 'window-pre-review');
    await clerk.getByTestId('submit-pre-review').click();
    await clerk.waitForURL(/\/window\/applications\/[^/]+\/receipt$/);

    await eventually(async () => {
      await page.reload();
      expect(await page.getByTestId('mine-application').filter({ hasText: number }).getByTestId('mine-pre-review').textContent()).toBe(
        '网上预审：预审通过，已受理',
      );
    });
    await checkPage(page, 'applicant-mine-accepted');
  });
});
