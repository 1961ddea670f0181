/**
 * The applicant online (网上申报), over real Kafka and PostgreSQL: signing in with a one-time code
 * sent by SMS (read from intake's SMS outbox, as the phone would receive it), the limits per phone
 * and per address, and the session scoped to that phone.
 */
import { ManualClock } from '@onewindow/platform';
import { callApi, requestJson, testDatabaseUrl, testKafkaBrokers, type ApiResponse } from '@onewindow/testing';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

describe('the applicant online', () => {
  let platform: TestPlatform;
  const clock = new ManualClock(new Date('2026-12-14T02:00:00Z'));

  beforeAll(async () => {
    platform = await startServicesForTest({ label: 'applicant', databaseUrl: testDatabaseUrl(), kafkaBrokers: testKafkaBrokers().join(','), only: ['intake', 'approval'], clock });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function intake(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<Json>> {
    return requestJson<Json>(`${platform.urls.intake}${path}`, method, headers, body);
  }

  /** The latest sign-in SMS to the phone, as the SMS outbox holds it, and the code in it. */
  async function smsCodeFor(phone: string): Promise<string> {
    const [row] = await platform.query<{ text: string }>('intake', `SELECT text FROM $schema.notification WHERE phone = $1 AND kind = 'sign-in-code' ORDER BY created_at DESC LIMIT 1`, [phone]);
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
    expect(sent.body).toEqual({ phone: '138****1111', expiresAt: new Date(clock.now().getTime() + 300_000).toISOString(), resendAfterSeconds: 60 });
    const code = await smsCodeFor(phone);
    const [kept] = await platform.query<{ code_hash: string; requested_from: string }>('intake', 'SELECT code_hash, requested_from FROM $schema.applicant_sign_in_code WHERE phone = $1', [phone]);
    expect(kept?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(kept?.code_hash).not.toContain(code);
    expect(kept?.requested_from).toBe('10.0.0.1');

    const wrong = await intake('POST', '/applicant-sessions', { phone, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'SIGN_IN_CODE_WRONG', message: '验证码不正确，还可以再试 4 次', fields: [{ path: 'code' }] } });

    const signedIn = await intake('POST', '/applicant-sessions', { phone, code });
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toEqual({ role: 'applicant', phone: '138****1111', expiresAt: new Date(clock.now().getTime() + 1_800_000).toISOString() });
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^onewindow_applicant=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=1800; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/);
    expect(signedIn.text).not.toContain(tokenOf(signedIn));

    const current = await callApi<Json>(platform.urls.intake, tokenOf(signedIn), 'GET', '/applicant-sessions/current');
    expect(current.body).toMatchObject({ role: 'applicant', phone: '138****1111' });
    expect((await intake('POST', '/applicant-sessions', { phone, code })).body).toMatchObject({ error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码已使用，请重新获取' } });

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
    expect((await intake('POST', '/applicant-sessions', { phone, code: lapsed })).body).toMatchObject({ error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码已过期，请重新获取' } });

    for (let i = 0; i < 4; i += 1) {
      expect((await intake('POST', '/applicant-sessions/code', { phone })).status).toBe(201);
      clock.advance(61_000);
    }
    const sixth = await intake('POST', '/applicant-sessions/code', { phone });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ error: { code: 'TOO_MANY_CODE_REQUESTS', message: expect.stringContaining('一小时内获取验证码已达 5 次') } });
    clock.advance(3_600_000);
  });

  it('spends a code at the fifth wrong try: even the right one is refused after', async () => {
    const phone = '13806353333';
    expect((await intake('POST', '/applicant-sessions/code', { phone })).status).toBe(201);
    const code = await smsCodeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      expect((await intake('POST', '/applicant-sessions', { phone, code: wrong })).body).toMatchObject({ error: { message: `验证码不正确，还可以再试 ${left} 次` } });
    }
    expect((await intake('POST', '/applicant-sessions', { phone, code: wrong })).body).toMatchObject({ error: { message: '验证码错误次数过多，请重新获取' } });
    expect((await intake('POST', '/applicant-sessions', { phone, code })).body).toMatchObject({ error: { code: 'SIGN_IN_CODE_INVALID', message: '验证码错误次数过多，请重新获取' } });
  });

  it('sends twenty codes an hour to one address at most, whatever the phones', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 20; i += 1) {
      expect((await intake('POST', '/applicant-sessions/code', { phone: `1390635${String(1000 + i)}` }, { 'x-forwarded-for': `203.0.113.7, ${address}` })).status).toBe(201);
    }
    const refused = await intake('POST', '/applicant-sessions/code', { phone: '13906352000' }, { 'x-forwarded-for': address });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { message: '获取验证码过于频繁，请稍后再试' } });
    expect((await intake('POST', '/applicant-sessions/code', { phone: '13906352000' }, { 'x-forwarded-for': '10.9.9.10' })).status).toBe(201);
  });

  it('refuses a phone that is not a mobile number and a code that is not six digits, in Chinese, by field', async () => {
    const badPhone = await intake('POST', '/applicant-sessions/code', { phone: '0635-8888888' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body).toMatchObject({ error: { fields: [{ path: 'phone', message: expect.stringContaining('请填写11位手机号码') }] } });
    const badCode = await intake('POST', '/applicant-sessions', { phone: '13806351111', code: '12ab' });
    expect(badCode.status).toBe(400);
    expect(badCode.body).toMatchObject({ error: { fields: [{ path: 'code', message: expect.stringContaining('6位验证码') }] } });
    expect((await intake('POST', '/applicant-sessions', { phone: '13806359999', code: '123456' })).body).toMatchObject({ error: { code: 'SIGN_IN_CODE_INVALID', message: '请先获取短信验证码' } });
  });

  it('gives the applicant’s session no staff route', async () => {
    const token = await signIn('13806354444');
    expect((await callApi(platform.urls.intake, token, 'GET', '/applicant-sessions/current')).status).toBe(200);
    expect((await callApi(platform.urls.intake, token, 'GET', '/applications')).status).toBe(403);
  });
});

function tokenOf(response: ApiResponse<Json>): string {
  return /onewindow_applicant=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
}
