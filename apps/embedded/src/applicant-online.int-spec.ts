/**
 * The applicant online (网上申报), over real Kafka and PostgreSQL: signing in with a one-time code
 * sent by SMS (read from intake's SMS outbox, as the phone would receive it), the limits per phone
 * and per address, and the session scoped to that phone; filing an item for pre-review (网上预审),
 * 我的申报, and the clerk's pre-review reaching the department.
 */
import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import { DEVELOPMENT_TOKEN_SECRET, issueToken, ManualClock } from '@onewindow/platform';
import {
  aFoodLicenceForm,
  callApi,
  eventually,
  requestJson,
  testDatabaseUrl,
  testKafkaBrokers,
  type ApiResponse,
} from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

/** The suite moves the services' clock: staff tokens must outlast every time it sets. */
const TOKEN_TTL = 365 * 24 * 3600;
const clerk = issueToken({ id: 'clerk-online', name: '李受理', role: 'clerk', level: 'district' }, DEVELOPMENT_TOKEN_SECRET, TOKEN_TTL);
/** 食品经营许可（新办） (市场监管局): online or at the window, materials M01–M03. */
const FOOD_PERMIT = 'DCF-SCJG-XK-001';

describe('the applicant online', () => {
  let platform: TestPlatform;
  const clock = new ManualClock(new Date('2026-11-02T02:00:00Z'));

  beforeAll(async () => {
    platform = await startServicesForTest({
      label: 'applicant',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval'],
      clock,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function intake(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<Json>> {
    return requestJson<Json>(`${platform.urls.intake}${path}`, method, headers, body);
  }

  /** The latest sign-in SMS to the phone, as the SMS outbox holds it, and the code in it. */
  async function smsCodeFor(phone: string): Promise<string> {
    const [row] = await platform.query<{ text: string }>(
      'intake',
      `SELECT text FROM $schema.notification WHERE phone = $1 AND kind = 'sign-in-code' ORDER BY created_at DESC LIMIT 1`,
      [phone],
    );
    const code = /验证码为(\d{6})/.exec(row?.text ?? '')?.[1];
    if (!code) throw new Error(`no sign-in SMS to ${phone}`);
    return code;
  }

  /** Signs the phone in; the applicant cookie's token, as the gateway would send it. */
  async function signIn(phone: string, address = '10.0.0.1'): Promise<string> {
    expect((await intake('POST', '/applicant-sessions/code', { phone }, { 'x-forwarded-for': address })).status).toBe(201);
    const signedIn = await intake('POST', '/applicant-sessions', { phone, code: await smsCodeFor(phone) });
    expect(signedIn.status).toBe(201);
    return tokenOf(signedIn);
  }

  it('signs an applicant in with the code the SMS brought, once, and keeps only its hash', async () => {
    const phone = '13806351111';
    const sent = await intake('POST', '/applicant-sessions/code', { phone }, { 'x-forwarded-for': '10.0.0.1' });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      phone: '138****1111',
      expiresAt: new Date(clock.now().getTime() + 300_000).toISOString(),
      resendAfterSeconds: 60,
    });
    const code = await smsCodeFor(phone);
    const [kept] = await platform.query<{ code_hash: string; requested_from: string }>(
      'intake',
      'SELECT code_hash, requested_from FROM $schema.applicant_sign_in_code WHERE phone = $1',
      [phone],
    );
    expect(kept?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(kept?.code_hash).not.toContain(code);
    expect(kept?.requested_from).toBe('10.0.0.1');

    const wrong = await intake('POST', '/applicant-sessions', { phone, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      error: { code: 'SIGN_IN_CODE_WRONG', message: '验证码不正确，还可以再试 4 次', fields: [{ path: 'code' }] },
    });

    const signedIn = await intake('POST', '/applicant-sessions', { phone, code });
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toEqual({
      role: 'applicant',
      phone: '138****1111',
      expiresAt: new Date(clock.now().getTime() + 1_800_000).toISOString(),
    });
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^onewindow_applicant=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=1800; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/);
    expect(signedIn.text).not.toContain(tokenOf(signedIn));

    const current = await callApi<Json>(platform.urls.intake, tokenOf(signedIn), 'GET', '/applicant-sessions/current');
    expect(current.body).toMatchObject({ role: 'applicant', phone: '138****1111' });
    expect((await intake('POST', '/applicant-sessions', { phone, code })).body).toMatchObject({
      error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码已使用，请重新获取' },
    });

    const signedOut = await intake('DELETE', '/applicant-sessions/current');
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(/^onewindow_applicant=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('waits a minute between codes to one phone, sends five an hour at most, and lets a code lapse after five minutes', async () => {
    const phone = '13806352222';
    expect((await intake('POST', '/applicant-sessions/code', { phone })).status).toBe(201);
    const again = await intake('POST', '/applicant-sessions/code', { phone });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
    expect(again.body).toMatchObject({ error: { code: 'TOO_MANY_CODE_REQUESTS', message: '验证码已发送，请在 60 秒后再重新获取' } });

    const lapsed = await smsCodeFor(phone);
    clock.advance(5 * 60_000);
    expect((await intake('POST', '/applicant-sessions', { phone, code: lapsed })).body).toMatchObject({
      error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码已过期，请重新获取' },
    });

    for (let i = 0; i < 4; i += 1) {
      expect((await intake('POST', '/applicant-sessions/code', { phone })).status).toBe(201);
      clock.advance(61_000);
    }
    const sixth = await intake('POST', '/applicant-sessions/code', { phone });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({
      error: { code: 'TOO_MANY_CODE_REQUESTS', message: expect.stringContaining('一小时内获取验证码已达 5 次') },
    });
    clock.advance(3_600_000);
  });

  it('spends a code at the fifth wrong try: even the right one is refused after', async () => {
    const phone = '13806353333';
    expect((await intake('POST', '/applicant-sessions/code', { phone })).status).toBe(201);
    const code = await smsCodeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      expect((await intake('POST', '/applicant-sessions', { phone, code: wrong })).body).toMatchObject({
        error: { message: `验证码不正确，还可以再试 ${left} 次` },
      });
    }
    expect((await intake('POST', '/applicant-sessions', { phone, code: wrong })).body).toMatchObject({
      error: { message: '验证码错误次数过多，请重新获取' },
    });
    expect((await intake('POST', '/applicant-sessions', { phone, code })).body).toMatchObject({
      error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码错误次数过多，请重新获取' },
    });
  });

  it('sends twenty codes an hour to one address at most, whatever the phones', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 20; i += 1) {
      expect(
        (
          await intake(
            'POST',
            '/applicant-sessions/code',
            { phone: `1390635${String(1000 + i)}` },
            { 'x-forwarded-for': `203.0.113.7, ${address}` },
          )
        ).status,
      ).toBe(201);
    }
    const refused = await intake('POST', '/applicant-sessions/code', { phone: '13906352000' }, { 'x-forwarded-for': address });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { message: '获取验证码过于频繁，请稍后再试' } });
    expect((await intake('POST', '/applicant-sessions/code', { phone: '13906352000' }, { 'x-forwarded-for': '10.9.9.10' })).status).toBe(
      201,
    );
  });

  it('refuses a phone that is not a mobile number and a code that is not six digits, in Chinese, by field', async () => {
    const badPhone = await intake('POST', '/applicant-sessions/code', { phone: '0635-8888888' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body).toMatchObject({ error: { fields: [{ path: 'phone', message: expect.stringContaining('请填写11位手机号码') }] } });
    const badCode = await intake('POST', '/applicant-sessions', { phone: '13806351111', code: '12ab' });
    expect(badCode.status).toBe(400);
    expect(badCode.body).toMatchObject({ error: { fields: [{ path: 'code', message: expect.stringContaining('6位验证码') }] } });
    expect((await intake('POST', '/applicant-sessions', { phone: '13806359999', code: '123456' })).body).toMatchObject({
      error: { code: 'SIGN_IN_CODE_INVALID', message: '请先获取短信验证码' },
    });
  });

  it('gives the applicant’s session no staff route', async () => {
    const token = await signIn('13806354444');
    expect((await callApi(platform.urls.intake, token, 'GET', '/applicant-sessions/current')).status).toBe(200);
    expect((await callApi(platform.urls.intake, token, 'GET', '/applications')).status).toBe(403);
  });

  it('files an item for pre-review with the signed-in phone as the contact, and shows it in 我的申报 through the clerk’s pre-review to the department', async () => {
    const phone = '13806355555';
    const token = await signIn(phone);
    const company = { creditCode: aCreditCode(), name: '聊城市东昌府区网上申报餐饮有限公司', phone: '13906350000' };
    const uploads = ['M01', 'M02'].map((materialCode) => ({ itemCode: FOOD_PERMIT, materialCode, finding: 'provided' }));
    const submitted = await callApi<Json>(platform.urls.intake, token, 'POST', '/online/applications', {
      itemCodes: [FOOD_PERMIT],
      channel: 'mobile',
      level: 'district',
      applicant: { kind: 'organisation', name: company.name, identifier: company.creditCode, phone: company.phone },
      contactPhone: '13906351111',
      ...aFoodLicenceForm(company),
      materials: uploads,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', receivedVia: 'online', channel: 'mobile', visits: 0 });
    const id = String(submitted.body['id']);
    const number = String(submitted.body['number']);
    const [stored] = await platform.query<{ contact_phone: string; received_by: string }>(
      'intake',
      'SELECT contact_phone, received_by FROM $schema.application WHERE id = $1',
      [id],
    );
    expect(stored).toEqual({ contact_phone: phone, received_by: `tel:${phone}` });

    const mine = async (who = token) =>
      ((await callApi<{ items: Json[] }>(platform.urls.intake, who, 'GET', '/progress/mine')).body.items ?? []).find(
        (a) => a['applicationNumber'] === number,
      );
    expect(await mine()).toMatchObject({
      receivedVia: 'online',
      preReview: '待预审',
      statusText: '网上申请预审中',
      timeline: [{ text: '网上申报已提交，等待窗口预审' }],
    });
    expect(await mine(await signIn('13806356666'))).toBeUndefined();

    // The clerk's pre-review (网上预审) finds the third material missing: one notice, texted to the signed-in phone.
    const noticed = await callApi<Json>(platform.urls.intake, clerk, 'POST', `/applications/${id}/check`, {});
    expect(noticed.body).toMatchObject({ status: 'awaiting-supplement' });
    const waiting = await mine();
    expect(waiting).toMatchObject({ preReview: '预审未通过，请按一次性告知书补正材料', statusText: '待补正材料' });
    expect((waiting?.['outstanding'] as Json[]).length).toBeGreaterThan(0);
    const [texted] = await platform.query<{ phone: string }>(
      'intake',
      `SELECT phone FROM $schema.notification WHERE application_id = $1 AND kind = 'notice'`,
      [id],
    );
    expect(texted?.phone).toBe(phone);

    const accepted = await callApi<Json>(platform.urls.intake, clerk, 'POST', `/applications/${id}/supplement`, {
      materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M03', finding: 'provided' }],
      allOtherMaterialsProvided: true,
    });
    expect(accepted.body).toMatchObject({ status: 'accepted', visits: 0 });
    expect(await mine()).toMatchObject({ preReview: '预审通过，已受理', statusText: '审批办理中' });

    const part = (accepted.body['parts'] as Array<{ id: string; department: { code: string } }>)[0] as {
      id: string;
      department: { code: string };
    };
    const approver = issueToken(
      { id: 'approver-food', name: '王审批', role: 'approver', department: part.department.code },
      DEVELOPMENT_TOKEN_SECRET,
      TOKEN_TTL,
    );
    await eventually(async () => {
      const queue = await callApi<{ items: Json[] }>(platform.urls.approval, approver, 'GET', '/cases?pageSize=100');
      expect(queue.body.items.some((c) => c['partId'] === part.id)).toBe(true);
    });
  });

  it('lists in 我的申报 an application filed at a window with the signed-in phone, and asks for an applicant’s session', async () => {
    const phone = '13806357777';
    const filed = await callApi<Json>(platform.urls.intake, clerk, 'POST', '/applications/drafts', {
      itemCodes: [FOOD_PERMIT],
      channel: 'window',
      level: 'district',
      applicant: { kind: 'person', name: '孙小红', identifier: aResidentId(), phone },
      ...aFoodLicenceForm({ creditCode: aCreditCode(), name: '聊城市东昌府区小红面馆' }),
      materials: [{ itemCode: FOOD_PERMIT, materialCode: 'M01', finding: 'provided' }],
    });
    expect(filed.status).toBe(201);
    await callApi(platform.urls.intake, clerk, 'POST', `/applications/${filed.body['id']}/check`, { allOtherMaterialsProvided: true });
    const items = (await callApi<{ items: Json[] }>(platform.urls.intake, await signIn(phone), 'GET', '/progress/mine')).body.items;
    expect(items).toEqual([
      expect.objectContaining({
        applicationNumber: filed.body['number'],
        receivedVia: 'window',
        preReview: null,
        statusText: '审批办理中',
      }),
    ]);

    expect((await intake('GET', '/progress/mine')).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await callApi(platform.urls.intake, clerk, 'GET', '/progress/mine')).status).toBe(403);
  });
});

function tokenOf(response: ApiResponse<Json>): string {
  return /onewindow_applicant=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
}
