import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers of a signed exchange, in either direction (the same scheme out and in). */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-onewindow-timestamp',
  nonce: 'x-onewindow-nonce',
  signature: 'x-onewindow-signature',
} as const;

/**
 * HMAC-SHA256 over `timestamp \n nonce \n body` (the body's exact bytes), hex, prefixed `sha256=`.
 * Timestamp and nonce are signed too, so neither can be changed to get a replay past the checks.
 */
export function signatureOf(secret: string, timestamp: string, nonce: string, body: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}\n${nonce}\n`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

export function signedHeaders(secret: string, body: Buffer | string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signatureOf(secret, timestamp, nonce, body),
  };
}

export type SignatureCheck =
  | { ok: true; timestamp: Date; nonce: string }
  | { ok: false; code: 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' | 'TIMESTAMP_OUTSIDE_WINDOW'; message: string };

/**
 * Checks the signature and the timestamp window; the caller then records the nonce (a nonce seen
 * before within the window is a replay). Messages are Chinese for the department's integrator.
 */
export function checkSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  now: Date,
  windowSeconds: number,
): SignatureCheck {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature) {
    return { ok: false, code: 'SIGNATURE_MISSING', message: `缺少签名请求头（${Object.values(SIGNATURE_HEADERS).join('、')}）` };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{8,128}$/.test(nonce)) {
    return { ok: false, code: 'SIGNATURE_INVALID', message: '签名时间戳或随机数格式不正确' };
  }
  const expected = Buffer.from(signatureOf(secret, timestamp, nonce, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, code: 'SIGNATURE_INVALID', message: '签名校验失败：请求内容被篡改或密钥不符' };
  }
  const sentAt = new Date(Number(timestamp) * 1000);
  if (Math.abs(now.getTime() - sentAt.getTime()) > windowSeconds * 1000) {
    return { ok: false, code: 'TIMESTAMP_OUTSIDE_WINDOW', message: `请求时间戳超出允许的 ${windowSeconds} 秒时间窗，疑似重放，已拒绝` };
  }
  return { ok: true, timestamp: sentAt, nonce };
}
