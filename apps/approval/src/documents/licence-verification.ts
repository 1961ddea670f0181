import { createHmac } from 'node:crypto';

export type LicenceStanding = 'valid' | 'revoked' | 'expired' | 'not-yet-valid';

/** Whether a licence holds on `today` (a date in China): revoked wins, then its period of validity. */
export function licenceStanding(
  licence: { status: 'valid' | 'revoked'; validFrom: string; validUntil: string | null },
  today: string,
): LicenceStanding {
  if (licence.status === 'revoked') return 'revoked';
  if (today < licence.validFrom) return 'not-yet-valid';
  if (licence.validUntil !== null && today > licence.validUntil) return 'expired';
  return 'valid';
}

export const STANDING_TEXT: Record<LicenceStanding, string> = {
  valid: '有效',
  revoked: '已撤销',
  expired: '已过期',
  'not-yet-valid': '尚未生效',
};

/**
 * The code printed in a licence's QR link: licence numbers run in sequence, so the public
 * verification page needs this keyed digest too, and nobody can walk the register by number.
 */
export function verificationCode(secret: string, licenceId: string): string {
  return createHmac('sha256', secret).update(`licence-verification:${licenceId}`).digest('base64url').slice(0, 16);
}

export function verificationUrl(baseUrl: string, licenceNumber: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/public/licences/${encodeURIComponent(licenceNumber)}?code=${code}`;
}
