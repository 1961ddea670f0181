import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The rules of the applicant's SMS sign-in (短信验证码登录), in plain TypeScript: how a code is
 * made and kept, how often one may be asked for, and when a typed code is accepted.
 */
export const SIGN_IN_CODE_RULES = {
  /** A code is good for five minutes. */
  ttlMs: 5 * 60_000,
  /** Wrong codes typed before the code is spent. */
  maxAttempts: 5,
  /** One code per phone a minute… */
  phoneCooldownMs: 60_000,
  /** …and at most five an hour. */
  phonePerHour: 5,
  /** One address (a browser, a script) may ask for this many codes an hour, whatever the phones. */
  addressPerHour: 20,
  /** How long the applicant's session lasts once signed in. */
  sessionTtlSeconds: 30 * 60,
} as const;

export type SignInCodeRules = typeof SIGN_IN_CODE_RULES;

/** A 6-digit code from the cryptographic generator, leading zeros kept. */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The code as it is kept: an HMAC of the phone and the code under the platform's secret. A
 * 6-digit code has a million values; a plain hash would fall to a table in seconds, a keyed one
 * needs the secret too.
 */
export function hashSignInCode(phone: string, code: string, secret: string): string {
  return createHmac('sha256', secret).update(`applicant-sign-in:${phone}:${code}`).digest('hex');
}

/** Only mainland mobile numbers receive SMS. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** The requests for codes already made in the last hour (newest first is not required). */
export interface RecentRequests {
  /** When codes were sent to this phone in the last hour. */
  forPhone: Date[];
  /** How many codes this address asked for in the last hour. */
  fromAddress: number;
}

export type CodeRequestDecision =
  | { allowed: true }
  | { allowed: false; reason: 'phone-cooldown' | 'phone-hourly' | 'address-hourly'; retryAfterSeconds: number; message: string };

/** May another code be sent now? Refusals say when to try again, in Chinese. */
export function mayRequestCode(recent: RecentRequests, now: Date, rules: SignInCodeRules = SIGN_IN_CODE_RULES): CodeRequestDecision {
  const hourAgo = now.getTime() - 3_600_000;
  const phoneTimes = recent.forPhone
    .map((at) => at.getTime())
    .filter((at) => at > hourAgo)
    .sort((a, b) => a - b);
  const latest = phoneTimes.at(-1);
  if (latest !== undefined && now.getTime() - latest < rules.phoneCooldownMs) {
    const seconds = Math.max(1, Math.ceil((latest + rules.phoneCooldownMs - now.getTime()) / 1000));
    return {
      allowed: false,
      reason: 'phone-cooldown',
      retryAfterSeconds: seconds,
      message: `验证码已发送，请在 ${seconds} 秒后再重新获取`,
    };
  }
  if (phoneTimes.length >= rules.phonePerHour) {
    const oldest = phoneTimes[phoneTimes.length - rules.phonePerHour] as number;
    const seconds = Math.max(1, Math.ceil((oldest + 3_600_000 - now.getTime()) / 1000));
    return {
      allowed: false,
      reason: 'phone-hourly',
      retryAfterSeconds: seconds,
      message: `该手机号码一小时内获取验证码已达 ${rules.phonePerHour} 次，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
    };
  }
  if (recent.fromAddress >= rules.addressPerHour) {
    return { allowed: false, reason: 'address-hourly', retryAfterSeconds: 3600, message: '获取验证码过于频繁，请稍后再试' };
  }
  return { allowed: true };
}

/** A code as kept in the table. */
export interface StoredCode {
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'none' | 'expired' | 'used' | 'exhausted'; message: string }
  | { ok: false; reason: 'wrong'; message: string; attemptsLeft: number };

/**
 * Is the typed code the phone's latest one, unspent, in time and within its attempts? A wrong
 * code counts an attempt (the caller writes `attempts + 1`); the last allowed wrong one spends it.
 */
export function checkSignInCode(
  stored: StoredCode | null,
  typedHash: string,
  now: Date,
  rules: SignInCodeRules = SIGN_IN_CODE_RULES,
): CodeCheck {
  if (!stored) return { ok: false, reason: 'none', message: '请先获取短信验证码' };
  if (stored.usedAt) return { ok: false, reason: 'used', message: '验证码已使用，请重新获取' };
  if (stored.attempts >= rules.maxAttempts) return { ok: false, reason: 'exhausted', message: '验证码错误次数过多，请重新获取' };
  if (stored.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', message: '验证码已过期，请重新获取' };
  if (!sameHash(stored.codeHash, typedHash)) {
    const attemptsLeft = rules.maxAttempts - stored.attempts - 1;
    return attemptsLeft > 0
      ? { ok: false, reason: 'wrong', message: `验证码不正确，还可以再试 ${attemptsLeft} 次`, attemptsLeft }
      : { ok: false, reason: 'wrong', message: '验证码错误次数过多，请重新获取', attemptsLeft: 0 };
  }
  return { ok: true };
}

/** The SMS the applicant receives. */
export function signInCodeText(code: string, centreName: string, rules: SignInCodeRules = SIGN_IN_CODE_RULES): string {
  return `【${centreName}】您的登录验证码为${code}，${rules.ttlMs / 60_000}分钟内有效。请勿将验证码告诉他人，工作人员不会向您索要验证码。`;
}

/** The applicant's token subject: the phone, marked so it cannot be taken for an ID number or a staff id. */
export function applicantSubject(phone: string): string {
  return `tel:${phone}`;
}

/** The phone of an SMS-signed-in applicant's token subject, if it is one. */
export function phoneOfApplicant(subject: string): string | null {
  const match = /^tel:(1[3-9]\d{9})$/.exec(subject);
  return match ? (match[1] as string) : null;
}

/**
 * The caller's address for the limit per address: the hop the console gateway (embedded or nginx)
 * saw, which it appends last to X-Forwarded-For; the socket's address when called directly.
 */
export function requestAddress(forwardedFor: string | undefined, socketAddress: string | undefined): string {
  const last = forwardedFor?.split(',').at(-1)?.trim();
  return (last || socketAddress || 'unknown').slice(0, 64);
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
