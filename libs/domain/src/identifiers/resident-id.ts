import { isLocalDate } from '../calendar/local-date';
import { refuse, type IdentifierCheck } from './identifier-check';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
/** Province-level codes of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export type ResidentIdCheck = IdentifierCheck<{ birthDate: string; sex: 'male' | 'female' }>;

export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('The first 17 characters of a resident ID are digits');
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/**
 * Resident identity number, GB 11643-1999: 6-digit division code, 8-digit birth date, 3-digit
 * sequence (odd for men), check character. `today` is injectable for tests.
 */
export function validateResidentId(value: string, today: Date = new Date()): ResidentIdCheck {
  const normalized = String(value ?? '')
    .trim()
    .toUpperCase();
  if (normalized.length !== 18) {
    return refuse('RESIDENT_ID_LENGTH', '居民身份证号码应为18位');
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return refuse('RESIDENT_ID_CHARACTERS', '居民身份证号码前17位应为数字，最后一位为数字或X');
  }
  if (!PROVINCES.has(Number(normalized.slice(0, 2)))) {
    return refuse('RESIDENT_ID_DIVISION', '居民身份证号码的地址码不正确');
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const todayText = today.toISOString().slice(0, 10);
  if (!isLocalDate(birthDate) || birthDate < '1900-01-01' || birthDate > todayText) {
    return refuse('RESIDENT_ID_BIRTH_DATE', '居民身份证号码中的出生日期不是有效日期');
  }
  if (computeResidentIdCheckDigit(normalized.slice(0, 17)) !== normalized[17]) {
    return refuse('RESIDENT_ID_CHECK_DIGIT', '居民身份证号码校验位错误，请核对后重新输入');
  }
  return { ok: true, normalized, birthDate, sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female' };
}
