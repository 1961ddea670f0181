import { defineErrors } from '@onewindow/platform';
import { lockedMessage } from './sessions/lockout';

/** The identity service's refusals: its codes, their kinds (hence statuses) and Chinese messages. */
export const IDENTITY_ERRORS = defineErrors({
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: '用户名或密码错误' },
  /** The session was ended (signed out, password changed) or its account disabled meanwhile. */
  UNAUTHENTICATED: { kind: 'unauthenticated', message: '登录已失效，请重新登录' },
  ACCOUNT_LOCKED: { kind: 'locked', message: ({ lockedUntil }: { lockedUntil: Date }) => lockedMessage(lockedUntil) },
  ACCOUNT_DISABLED: { kind: 'forbidden', message: '账户已停用，请联系管理员' },
  ACCOUNT_NOT_FOUND: { kind: 'not-found', message: '未找到该账户' },
  CANNOT_LOCK_SELF_OUT: { kind: 'unprocessable', message: '不能停用自己的账户或取消自己的系统管理员岗位' },
  LAST_ADMINISTRATOR: { kind: 'unprocessable', message: '至少须保留一个启用的系统管理员账户' },
});
