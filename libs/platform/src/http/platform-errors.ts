import type { TokenErrorCode } from '../auth/tokens';
import type { DomainError } from './domain-error';
import { defineErrors } from './error-catalogue';
import { BODY_NOT_OBJECT_MESSAGE, formatBytes } from './http-exception-text';

const TOKEN_INVALID = '身份令牌无效，请重新登录';

/** The errors the platform itself answers with, on every service. */
export const PLATFORM_ERRORS = defineErrors({
  UNAUTHENTICATED: { kind: 'unauthenticated', message: '请先登录（缺少身份令牌）' },
  TOKEN_EXPIRED: { kind: 'unauthenticated', message: '登录已过期，请重新登录' },
  TOKEN_MALFORMED: { kind: 'unauthenticated', message: TOKEN_INVALID },
  TOKEN_SIGNATURE: { kind: 'unauthenticated', message: TOKEN_INVALID },
  TOKEN_CLAIMS: { kind: 'unauthenticated', message: TOKEN_INVALID },
  TOKEN_UNVERIFIABLE: { kind: 'unavailable', message: '统一身份认证服务暂时无法访问，请稍后再试' },
  FORBIDDEN: { kind: 'forbidden', message: '您的岗位无权办理此项业务' },
  BODY_NOT_OBJECT: { kind: 'invalid', message: BODY_NOT_OBJECT_MESSAGE },
  PAYLOAD_TOO_LARGE: {
    kind: 'too-large',
    message: ({ limitBytes }: { limitBytes: number }) => `提交的内容过大（不能超过${formatBytes(limitBytes)}）`,
  },
  DEAD_LETTER_NOT_FOUND: { kind: 'not-found', message: '未找到该待处理死信' },
  DATABASE_UNAVAILABLE: { kind: 'unavailable', message: '系统正在恢复数据库连接，本次操作未保存，请稍后重试' },
  CONFLICT: { kind: 'conflict', message: '操作与其他人同时进行，未能完成，请刷新后重试' },
  INTERNAL_ERROR: { kind: 'internal', message: '系统繁忙，请稍后再试' },
});

/** Every refusal of a token has its own entry above (a compile error otherwise). */
export function tokenRefusal(code: TokenErrorCode): DomainError {
  return PLATFORM_ERRORS[code]();
}
