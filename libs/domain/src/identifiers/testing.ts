import { computeCreditCodeCheckCharacter } from './credit-code';
import { computeResidentIdCheckDigit } from './resident-id';

/** A valid resident ID for tests and demo data (default: a woman born 1990-03-05 in 聊城市东昌府区). */
export function aResidentId(options: { birthDate?: string; division?: string; sequence?: number; sex?: 'male' | 'female' } = {}): string {
  const division = options.division ?? '371502';
  const birth = (options.birthDate ?? '1990-03-05').replaceAll('-', '');
  let sequence = options.sequence ?? 28;
  if (options.sex === 'male' && sequence % 2 === 0) sequence += 1;
  if (options.sex === 'female' && sequence % 2 === 1) sequence += 1;
  const first17 = `${division}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + computeResidentIdCheckDigit(first17);
}

/** A valid unified social credit code for tests and demo data (default: a company of 聊城市东昌府区). */
export function aCreditCode(options: { division?: string; organisation?: string; authority?: string; kind?: string } = {}): string {
  const first17 = `${options.authority ?? '9'}${options.kind ?? '1'}${options.division ?? '371502'}${options.organisation ?? 'MA3C8K2X1'}`;
  return first17 + computeCreditCodeCheckCharacter(first17);
}

const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid credit code of a company no other test uses (a random organisation code): for records that must not leak between tests. */
export function aUniqueCreditCode(): string {
  const organisation = Array.from(
    { length: 9 },
    () => CREDIT_CODE_CHARACTERS[Math.floor(Math.random() * CREDIT_CODE_CHARACTERS.length)],
  ).join('');
  return aCreditCode({ organisation });
}
