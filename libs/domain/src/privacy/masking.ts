/**
 * Masking of personal data in logs and in responses to roles that need not see it. Unified
 * social credit codes identify organisations and are public (国家企业信用信息公示系统), so they
 * are not masked.
 */
export function maskResidentId(value: string): string {
  return value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '*'.repeat(value.length);
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '****';
}

const RESIDENT_ID_IN_TEXT =
  /(?<![0-9A-Za-z])([1-8]\d{5})(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Finds resident IDs and mobile numbers anywhere in free text (or serialized JSON) and masks them. */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(RESIDENT_ID_IN_TEXT, (match) => maskResidentId(match))
    .replace(MOBILE_IN_TEXT, (_match, head: string, tail: string) => `${head}****${tail}`);
}
