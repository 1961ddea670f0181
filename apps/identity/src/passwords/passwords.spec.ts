import { CURRENT_COST, hashPassword, needsRehash, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hash';
import { passwordProblems } from './password-policy';

// A low cost keeps the tests fast; the format and the comparison are what is under test.
const cheap = { ln: 10, r: 8, p: 1 };

describe('stored passwords (scrypt)', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hashPassword('Demo@2026', cheap);
    await expect(verifyPassword('Demo@2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('demo@2026', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts each hash, and keeps the cost with it', async () => {
    const [first, second] = await Promise.all([hashPassword('Demo@2026', cheap), hashPassword('Demo@2026', cheap)]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('asks for a new hash when the stored cost is below today’s', async () => {
    expect(needsRehash(await hashPassword('Demo@2026', cheap))).toBe(true);
    expect(needsRehash(`scrypt$ln=${CURRENT_COST.ln},r=8,p=1$AAAA$AAAA`)).toBe(false);
    expect(needsRehash('plain-text')).toBe(true);
  });

  it('never verifies against a malformed hash or the unknown-account stand-in', async () => {
    await expect(verifyPassword('Demo@2026', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('Demo@2026', UNKNOWN_ACCOUNT_HASH)).resolves.toBe(false);
  });
});

describe('the password rule', () => {
  it('accepts a password of three character classes and enough length', () => {
    expect(passwordProblems('Demo@2026', 'lishouli')).toEqual([]);
    expect(passwordProblems('liaocheng2026!', 'lishouli')).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('abc', 'lishouli')).toEqual(['密码长度应为8到64位', '密码须包含大写字母、小写字母、数字和符号中的至少三类']);
    expect(passwordProblems('Lishouli2026', 'lishouli')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('a'.repeat(70) + 'A1', 'x1')).toContain('密码长度应为8到64位');
  });
});
