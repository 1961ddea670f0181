/**
 * 登录审计 as the administrator reads it: every sign-in attempt and sign-out with its result in
 * Chinese and where it came from, filtered by account, result and China dates.
 */
import type { SessionsControllerSignInsData, SignInRecordView } from '@/api/generated/identity/types.gen';
import { addCalendarDays } from '@/shared/china-time';

export type SignInOutcome = SignInRecordView['outcome'];
export type SignInQuery = NonNullable<SessionsControllerSignInsData['query']>;

export const SIGN_IN_OUTCOMES: readonly SignInOutcome[] = ['succeeded', 'invalid-credentials', 'locked-now', 'locked', 'disabled'];

export const SIGN_IN_OUTCOME_LABELS: Record<SignInOutcome, string> = {
  succeeded: '成功',
  'invalid-credentials': '用户名或密码错误',
  'locked-now': '密码错误，账号已锁定',
  locked: '账号锁定中，被拒绝',
  disabled: '账号已停用',
};

export interface SignInFilters {
  username: string;
  outcome: SignInOutcome | '';
  /** China dates, both included (`2026-12-07`). */
  from: string;
  to: string;
}

export function emptySignInFilters(): SignInFilters {
  return { username: '', outcome: '', from: '', to: '' };
}

/** The filters as the identity service takes them: China days turned into instants, the last day included. */
export function signInQuery(filters: SignInFilters, page: number, pageSize: number): SignInQuery {
  return {
    page,
    pageSize,
    ...(filters.username.trim() ? { username: filters.username.trim() } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00+08:00` } : {}),
    ...(filters.to ? { to: `${addCalendarDays(filters.to, 1)}T00:00:00+08:00` } : {}),
  };
}

/** What happened: a sign-out, or the sign-in's result. */
export function signInResult(record: SignInRecordView): string {
  if (record.event === 'sign-out') return '退出登录';
  return SIGN_IN_OUTCOME_LABELS[record.outcome] ?? record.outcome;
}

/** Whether the row is a refusal the administrator should notice. */
export function isRefusal(record: SignInRecordView): boolean {
  return record.event === 'sign-in' && record.outcome !== 'succeeded';
}

/** Where it came from: the browser's address the gateway passed on, else the connecting one. */
export function sourceAddress(record: SignInRecordView): string {
  const forwarded = record.forwardedFor?.split(',')[0]?.trim();
  return forwarded || record.remoteAddress || '—';
}
