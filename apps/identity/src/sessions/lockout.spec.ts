import { afterWrongPassword, isLocked, lockedMessage, UNLOCKED, type LockState } from './lockout';

const policy = { maxFailures: 5, lockMinutes: 15 };
const at = (time: string) => new Date(`2026-03-05T${time}+08:00`);

describe('locking an account after wrong passwords', () => {
  it('counts wrong passwords and locks at the limit, for the configured minutes', () => {
    let state: LockState = UNLOCKED;
    for (let i = 1; i < 5; i += 1) {
      const next = afterWrongPassword(state, at('09:00:00'), policy);
      expect(next).toEqual({ failedAttempts: i, lockedUntil: null, lockedNow: false });
      state = next;
    }
    const locked = afterWrongPassword(state, at('09:00:00'), policy);
    expect(locked).toEqual({ failedAttempts: 0, lockedUntil: at('09:15:00'), lockedNow: true });
    expect(isLocked(locked, at('09:14:59'))).toBe(true);
    expect(isLocked(locked, at('09:15:00'))).toBe(false);
  });

  it('gives the full number of tries again once a lock has expired', () => {
    const expired = { failedAttempts: 0, lockedUntil: at('09:15:00') };
    expect(afterWrongPassword(expired, at('09:20:00'), policy)).toEqual({ failedAttempts: 1, lockedUntil: null, lockedNow: false });
  });

  it('tells when to try again in China time, rounded up to the minute', () => {
    expect(lockedMessage(at('09:15:00'))).toBe('账户已锁定，请于 09:15 后重试或联系管理员');
    expect(lockedMessage(at('13:59:30'))).toBe('账户已锁定，请于 14:00 后重试或联系管理员');
    expect(lockedMessage(new Date('2026-03-05T16:05:00Z'))).toBe('账户已锁定，请于 00:05 后重试或联系管理员');
  });
});
