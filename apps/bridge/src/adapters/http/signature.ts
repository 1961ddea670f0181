import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DomainError } from '@onewindow/platform';
import { BRIDGE_ERRORS } from '../../bridge-errors';

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
  /** SIGNATURE_MISSING, SIGNATURE_INVALID or TIMESTAMP_OUTSIDE_WINDOW, with its Chinese message for the department's integrator. */
  | { ok: false; refusal: DomainError };

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
    return { ok: false, refusal: BRIDGE_ERRORS.SIGNATURE_MISSING({ headers: Object.values(SIGNATURE_HEADERS) }) };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{8,128}$/.test(nonce)) {
    return { ok: false, refusal: BRIDGE_ERRORS.SIGNATURE_INVALID({ fault: 'format' }) };
  }
  const expected = Buffer.from(signatureOf(secret, timestamp, nonce, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, refusal: BRIDGE_ERRORS.SIGNATURE_INVALID({ fault: 'mismatch' }) };
  }
  const sentAt = new Date(Number(timestamp) * 1000);
  if (Math.abs(now.getTime() - sentAt.getTime()) > windowSeconds * 1000) {
    return { ok: false, refusal: BRIDGE_ERRORS.TIMESTAMP_OUTSIDE_WINDOW({ windowSeconds }) };
  }
  return { ok: true, timestamp: sentAt, nonce };
}
