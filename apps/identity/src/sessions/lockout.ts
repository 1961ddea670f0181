/** Wrong passwords in a row before a lock, and how long the lock lasts (from the validated config). */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * After a wrong password: one more failure, or, at the limit, a lock until `now + lockMinutes`
 * with the count back at zero (so an expired lock gives the full number of tries again).
 */
export function afterWrongPassword(state: LockState, now: Date, policy: LockoutPolicy): LockState & { lockedNow: boolean } {
  const failedAttempts = (isLocked(state, now) ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= policy.maxFailures) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  }
  return { failedAttempts, lockedUntil: null, lockedNow: false };
}

export const UNLOCKED: LockState = { failedAttempts: 0, lockedUntil: null };

const CLOCK_IN_CHINA = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** What the person at the sign-in page reads: when to try again, in China time. */
export function lockedMessage(lockedUntil: Date): string {
  // A lock ending at 10:00:30 may be tried from 10:01: round up to the minute shown.
  const shown = new Date(Math.ceil(lockedUntil.getTime() / 60_000) * 60_000);
  return `账户已锁定，请于 ${CLOCK_IN_CHINA.format(shown)} 后重试或联系管理员`;
}
