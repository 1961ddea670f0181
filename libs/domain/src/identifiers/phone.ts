import { refuse, type IdentifierCheck } from './identifier-check';

/** A mainland mobile number (11 digits, 1[3-9]…) or a fixed line with its area code (0635-8888888). */
export function validatePhone(value: string): IdentifierCheck<{ kind: 'mobile' | 'fixed' }> {
  const normalized = String(value ?? '')
    .trim()
    .replace(/[\s]/g, '');
  if (/^1[3-9]\d{9}$/.test(normalized)) return { ok: true, normalized, kind: 'mobile' };
  if (/^0\d{2,3}-?\d{7,8}$/.test(normalized)) return { ok: true, normalized, kind: 'fixed' };
  return refuse('PHONE_FORMAT', '联系电话应为11位手机号码或带区号的固定电话');
}
