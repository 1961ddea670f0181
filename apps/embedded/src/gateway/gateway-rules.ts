import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@onewindow/platform';
import { APPLICANT_SESSION_COOKIE, APPLICANT_SESSION_HEADER, sessionTokenFromCookies } from '@onewindow/platform';

/** The services behind `/api/<name>/`, and how a clerk calls each when it cannot be reached. */
export const SERVICE_TITLES: Record<string, string> = {
  intake: '综合受理服务',
  approval: '审批服务',
  supervision: '监管服务',
  bridge: '联通桥服务',
  identity: '统一身份认证服务',
};

/**
 * The `Authorization` header the gateway sends on: the caller's own if it has one (scripts and
 * department systems), else the bearer form of the console's session cookie — the applicant's
 * (短信验证码登录) when the public pages ask for it with `X-OneWindow-Session: applicant`, the
 * staff one otherwise — else none.
 */
export function authorizationFor(
  headers: { authorization?: string | undefined; cookie?: string | undefined } & Record<string, string | string[] | undefined>,
): string | undefined {
  if (headers.authorization) return headers.authorization;
  const applicant = headers[APPLICANT_SESSION_HEADER] === 'applicant';
  const token = sessionTokenFromCookies(headers.cookie, applicant ? APPLICANT_SESSION_COOKIE : undefined);
  return token ? `Bearer ${token}` : undefined;
}

/** The caller's request id when it is a sane one, else a new one: every service logs and echoes it. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
}

/** What the browser gets when a service is down or slow: the platform's one error shape, in Chinese. */
export function unavailableBody(service: string, requestId: string, timedOut: boolean): { status: number; body: ErrorBody } {
  const title = SERVICE_TITLES[service] ?? '后台服务';
  return timedOut
    ? { status: 504, body: { error: { code: 'GATEWAY_TIMEOUT', message: `${title}响应超时，请稍后再试`, fields: [], requestId } } }
    : { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: `${title}暂时无法访问，请稍后再试`, fields: [], requestId } } };
}

export function unknownApiBody(requestId: string): ErrorBody {
  return { error: { code: 'NOT_FOUND', message: '未找到请求的接口', fields: [], requestId } };
}
