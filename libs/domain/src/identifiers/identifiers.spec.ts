import { computeResidentIdCheckDigit, validateCreditCode, validatePhone, validateResidentId } from '../index';
import { aCreditCode, aResidentId } from '../testing';

const today = new Date('2026-11-23T00:00:00Z');

describe('resident identity numbers (GB 11643)', () => {
  it('accepts a valid number and reads its birth date and sex', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts a lower-case x as the check character and normalises it', () => {
    expect(validateResidentId('11010519491231002x', today)).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('refuses a number whose check digit is wrong, in Chinese', () => {
    expect(validateResidentId('110105194912310021', today)).toEqual({
      ok: false,
      code: 'RESIDENT_ID_CHECK_DIGIT',
      message: '居民身份证号码校验位错误，请核对后重新输入',
    });
  });

  it('refuses a right check character with an impossible birth date (30 February)', () => {
    const first17 = '11010519490230002';
    const value = first17 + computeResidentIdCheckDigit(first17);
    expect(validateResidentId(value, today)).toMatchObject({ ok: false, code: 'RESIDENT_ID_BIRTH_DATE' });
  });

  it('refuses a birth date in the future', () => {
    expect(validateResidentId(aResidentId({ birthDate: '2027-01-01' }), today)).toMatchObject({
      ok: false,
      code: 'RESIDENT_ID_BIRTH_DATE',
    });
  });

  it.each([
    ['too short', '1101051949123100', 'RESIDENT_ID_LENGTH'],
    ['letters inside', '1101051949A231002X', 'RESIDENT_ID_CHARACTERS'],
    ['an unknown province', aResidentId({ division: '991502' }), 'RESIDENT_ID_DIVISION'],
  ])('refuses a number with %s', (_case, value, code) => {
    expect(validateResidentId(value, today)).toMatchObject({ ok: false, code });
  });

  it('builds valid numbers for tests, with the sex asked for', () => {
    expect(validateResidentId(aResidentId({ sex: 'male' }), today)).toMatchObject({ ok: true, sex: 'male' });
    expect(validateResidentId(aResidentId({ sex: 'female' }), today)).toMatchObject({ ok: true, sex: 'female' });
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a valid code', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
  });

  it('refuses a code whose check character is wrong', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      code: 'CREDIT_CODE_CHECK_CHARACTER',
      message: '统一社会信用代码校验位错误，请核对后重新输入',
    });
  });

  it.each([
    ['a letter the standard excludes (O)', '91350100M0O0100Y43', 'CREDIT_CODE_CHARACTERS'],
    ['17 characters', '91350100M000100Y4', 'CREDIT_CODE_LENGTH'],
    ['an unknown registration authority', 'Z1350100M000100Y43', 'CREDIT_CODE_CHARACTERS'],
    ['letters in the division code', '91A50100M000100Y43', 'CREDIT_CODE_DIVISION'],
  ])('refuses a code with %s', (_case, value, code) => {
    expect(validateCreditCode(value)).toMatchObject({ ok: false, code });
  });

  it('builds valid codes for tests', () => {
    expect(validateCreditCode(aCreditCode({ organisation: 'MA3D2P7K5' }))).toMatchObject({ ok: true });
  });
});

describe('phone numbers', () => {
  it.each(['13812345678', '0635-8211234', '063582112345'])('accepts %s', (value) => {
    expect(validatePhone(value).ok).toBe(true);
  });

  it.each(['12812345678', '1381234567', 'abc'])('refuses %s with a Chinese message', (value) => {
    expect(validatePhone(value)).toMatchObject({ ok: false, code: 'PHONE_FORMAT' });
  });
});
