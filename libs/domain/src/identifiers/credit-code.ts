import { refuse, type IdentifierCheck } from './identifier-check';

/** The 31 characters of GB 32100-2015, valued 0–30 (I, O, S, V and Z are not used). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authorities (登记管理部门代码). */
const AUTHORITIES = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);

export function computeCreditCodeCheckCharacter(first17: string): string {
  const upper = first17.toUpperCase();
  if (upper.length !== 17 || [...upper].some((c) => !ALPHABET.includes(c))) {
    throw new RangeError('The first 17 characters of a credit code come from 0-9 and A-Y without I, O, S, V, Z');
  }
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * ALPHABET.indexOf(upper[index] as string), 0);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** Unified social credit code (统一社会信用代码), GB 32100-2015. */
export function validateCreditCode(value: string): IdentifierCheck {
  const normalized = String(value ?? '')
    .trim()
    .toUpperCase();
  if (normalized.length !== 18) {
    return refuse('CREDIT_CODE_LENGTH', '统一社会信用代码应为18位');
  }
  if ([...normalized].some((c) => !ALPHABET.includes(c))) {
    return refuse('CREDIT_CODE_CHARACTERS', '统一社会信用代码只能包含数字和除I、O、S、V、Z以外的大写字母');
  }
  if (!AUTHORITIES.has(normalized[0] as string)) {
    return refuse('CREDIT_CODE_AUTHORITY', '统一社会信用代码的登记管理部门代码不正确');
  }
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) {
    return refuse('CREDIT_CODE_DIVISION', '统一社会信用代码中的行政区划码不正确');
  }
  if (computeCreditCodeCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return refuse('CREDIT_CODE_CHECK_CHARACTER', '统一社会信用代码校验位错误，请核对后重新输入');
  }
  return { ok: true, normalized };
}
