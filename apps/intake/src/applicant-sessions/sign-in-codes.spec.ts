import {
  SIGN_IN_CODE_RULES,
  applicantSubject,
  checkSignInCode,
  hashSignInCode,
  isMobilePhone,
  mayRequestCode,
  newSignInCode,
  phoneOfApplicant,
  requestAddress,
  signInCodeText,
  type StoredCode,
} from './sign-in-codes';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const phone = '13806351111';
const now = new Date('2026-03-05T02:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('the applicant’s SMS sign-in codes (短信验证码)', () => {
  it('are six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i += 1) expect(newSignInCode()).toMatch(/^\d{6}$/);
  });

  it('are kept as a keyed hash of phone and code: neither the code nor a plain hash is stored', () => {
    const hash = hashSignInCode(phone, '012345', secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('012345');
    expect(hashSignInCode(phone, '012345', secret)).toBe(hash);
    expect(hashSignInCode('13900000000', '012345', secret)).not.toBe(hash);
    expect(hashSignInCode(phone, '012345', 'another-secret-of-at-least-thirty-two-chars')).not.toBe(hash);
  });

  it('go to mainland mobile numbers only', () => {
    expect(isMobilePhone('13806351111')).toBe(true);
    expect(isMobilePhone('0635-8888888')).toBe(false);
    expect(isMobilePhone('12806351111')).toBe(false);
  });

  it('say in the SMS how long they last and not to pass them on', () => {
    expect(signInCodeText('012345', '东昌府区政务服务中心')).toBe(
      '【东昌府区政务服务中心】您的登录验证码为012345，5分钟内有效。请勿将验证码告诉他人，工作人员不会向您索要验证码。',
    );
  });
});

describe('asking for a code', () => {
  it('is allowed the first time, and again a minute later', () => {
    expect(mayRequestCode({ forPhone: [], fromAddress: 0 }, now)).toEqual({ allowed: true });
    expect(mayRequestCode({ forPhone: [minutesAgo(1)], fromAddress: 1 }, now)).toEqual({ allowed: true });
  });

  it('waits a minute between codes to one phone, saying how many seconds are left', () => {
    const decision = mayRequestCode({ forPhone: [new Date(now.getTime() - 20_000)], fromAddress: 1 }, now);
    expect(decision).toEqual({
      allowed: false,
      reason: 'phone-cooldown',
      retryAfterSeconds: 40,
      message: '验证码已发送，请在 40 秒后再重新获取',
    });
  });

  it('sends at most five codes an hour to one phone, until the oldest of them is an hour old', () => {
    const five = [50, 40, 30, 20, 10].map(minutesAgo);
    const decision = mayRequestCode({ forPhone: five, fromAddress: 5 }, now);
    expect(decision).toMatchObject({ allowed: false, reason: 'phone-hourly', retryAfterSeconds: 600 });
    expect(decision.allowed ? '' : decision.message).toBe('该手机号码一小时内获取验证码已达 5 次，请 10 分钟后再试');
    expect(mayRequestCode({ forPhone: [61, 40, 30, 20, 10].map(minutesAgo), fromAddress: 5 }, now)).toEqual({ allowed: true });
  });

  it('sends at most twenty codes an hour for one address, whatever the phones', () => {
    expect(mayRequestCode({ forPhone: [], fromAddress: SIGN_IN_CODE_RULES.addressPerHour - 1 }, now)).toEqual({ allowed: true });
    expect(mayRequestCode({ forPhone: [], fromAddress: SIGN_IN_CODE_RULES.addressPerHour }, now)).toMatchObject({
      allowed: false,
      reason: 'address-hourly',
      message: '获取验证码过于频繁，请稍后再试',
    });
  });
});

describe('checking a typed code', () => {
  const stored = (overrides: Partial<StoredCode> = {}): StoredCode => ({
    codeHash: hashSignInCode(phone, '482913', secret),
    expiresAt: new Date(now.getTime() + 60_000),
    attempts: 0,
    usedAt: null,
    ...overrides,
  });
  const typed = (code: string) => hashSignInCode(phone, code, secret);

  it('accepts the right code in time', () => {
    expect(checkSignInCode(stored(), typed('482913'), now)).toEqual({ ok: true });
  });

  it('refuses a wrong code, counting down the attempts left, and spends the code at the fifth', () => {
    expect(checkSignInCode(stored(), typed('000000'), now)).toEqual({
      ok: false,
      reason: 'wrong',
      message: '验证码不正确，还可以再试 4 次',
      attemptsLeft: 4,
    });
    expect(checkSignInCode(stored({ attempts: 4 }), typed('000000'), now)).toEqual({
      ok: false,
      reason: 'wrong',
      message: '验证码错误次数过多，请重新获取',
      attemptsLeft: 0,
    });
    expect(checkSignInCode(stored({ attempts: 5 }), typed('482913'), now)).toMatchObject({ ok: false, reason: 'exhausted' });
  });

  it('refuses a code after five minutes, once used, or when none was asked for', () => {
    expect(checkSignInCode(stored({ expiresAt: now }), typed('482913'), now)).toMatchObject({
      ok: false,
      reason: 'expired',
      message: '验证码已过期，请重新获取',
    });
    expect(checkSignInCode(stored({ usedAt: minutesAgo(1) }), typed('482913'), now)).toMatchObject({
      ok: false,
      reason: 'used',
      message: '验证码已使用，请重新获取',
    });
    expect(checkSignInCode(null, typed('482913'), now)).toMatchObject({ ok: false, reason: 'none', message: '请先获取短信验证码' });
  });
});

describe('the applicant’s token subject', () => {
  it('names the phone, and is never taken for an ID number or a staff id', () => {
    expect(applicantSubject(phone)).toBe('tel:13806351111');
    expect(phoneOfApplicant('tel:13806351111')).toBe(phone);
    expect(phoneOfApplicant('91350100M000100Y43')).toBeNull();
    expect(phoneOfApplicant('tel:0635-8888888')).toBeNull();
  });
});

describe('the address a code request counts against', () => {
  it('is the hop the gateway appended last, else the socket’s', () => {
    expect(requestAddress('203.0.113.7, 10.9.9.9', '127.0.0.1')).toBe('10.9.9.9');
    expect(requestAddress('10.0.0.1', '127.0.0.1')).toBe('10.0.0.1');
    expect(requestAddress(undefined, '::ffff:127.0.0.1')).toBe('::ffff:127.0.0.1');
    expect(requestAddress('', undefined)).toBe('unknown');
  });
});
