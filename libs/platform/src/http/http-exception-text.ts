import { HttpException } from '@nestjs/common';
import type { FieldError } from './domain-error';

export interface HttpErrorText {
  code: string;
  message: string;
  fields: FieldError[];
}

const STATUS_TEXT: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '无权办理此项业务' },
  404: { code: 'NOT_FOUND', message: '未找到请求的内容' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持此请求方式' },
  409: { code: 'CONFLICT', message: '操作与当前状态冲突，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以JSON格式（Content-Type: application/json）提交' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
};

export const BODY_NOT_OBJECT_MESSAGE = '请求内容必须是一个JSON对象（{ … }）';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Nest's built-in parameter pipes answer in English; what each means for the person at the window. */
const PIPE_MESSAGES: Array<{ english: RegExp; code: string; message: string; fieldsOf: (params: Record<string, string>) => string[] }> = [
  {
    english: /^Validation failed \(uuid.* is expected\)$/,
    code: 'IS_UUID',
    message: '编号格式不正确，请从列表中选择后重试',
    // The route's identifiers are its `id` and `…Id` parameters; the ones that are not UUIDs are at fault.
    fieldsOf: (params) => Object.keys(params).filter((name) => /(^id|Id)$/.test(name) && !UUID.test(params[name] ?? '')),
  },
  { english: /^Validation failed \(numeric string is expected\)$/, code: 'IS_INT', message: '必须是整数', fieldsOf: () => [] },
  {
    english: /^Validation failed \(boolean string is expected\)$/,
    code: 'IS_BOOLEAN',
    message: '只能是 true 或 false',
    fieldsOf: () => [],
  },
  { english: /^Validation failed \(enum string is expected\)$/, code: 'IS_ENUM', message: '不是可选的值', fieldsOf: () => [] },
];

/** body-parser's and Express's errors by their `type`, in Chinese. */
const PARSER_MESSAGES: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', message: '请求内容不是有效的JSON，请检查括号、引号和逗号' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', message: '请以UTF-8编码提交' },
  'charset.unsupported': { code: 'UNSUPPORTED_ENCODING', message: '请以UTF-8编码提交' },
  'request.aborted': { code: 'REQUEST_ABORTED', message: '请求未完整送达，请重试' },
  'entity.too.deep': { code: 'BODY_TOO_DEEP', message: '请求内容的层级嵌套过深' },
};

/**
 * The Chinese code, message and fields of an HTTP exception that did not come from a DomainError:
 * Nest's pipes and router, body-parser and Express. `params` are the route's path parameters.
 */
export function httpExceptionText(exception: HttpException, params: Record<string, string> = {}): HttpErrorText {
  const status = exception.getStatus();
  const cause = exception.cause as { type?: unknown; limit?: unknown; depthLimit?: unknown; body?: unknown } | undefined;
  // body-parser's strict mode refuses a bare value ("text", 42) as if it were malformed.
  if (cause?.type === 'entity.parse.failed' && typeof cause.body === 'string' && !/^\s*[[{]/.test(cause.body)) {
    return { code: 'BODY_NOT_OBJECT', message: BODY_NOT_OBJECT_MESSAGE, fields: [] };
  }
  const parser = typeof cause?.type === 'string' ? PARSER_MESSAGES[cause.type] : undefined;
  if (parser) {
    const limit =
      typeof cause?.limit === 'number' && parser.code === 'PAYLOAD_TOO_LARGE'
        ? `（不能超过${formatBytes(cause.limit)}）`
        : typeof cause?.depthLimit === 'number'
          ? `（不能超过${cause.depthLimit}层）`
          : '';
    return { code: parser.code, message: `${parser.message}${limit}`, fields: [] };
  }
  if (cause instanceof URIError) return { code: 'BAD_URL', message: '请求地址中的编码不正确', fields: [] };
  const pipe = PIPE_MESSAGES.find((known) => known.english.test(exception.message));
  if (pipe) {
    const fields = pipe.fieldsOf(params).map((path) => ({ path, code: pipe.code, message: pipe.message }));
    return {
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请按提示修改',
      fields: fields.length > 0 ? fields : [{ path: '', code: pipe.code, message: `请求参数${pipe.message}` }],
    };
  }
  const known = STATUS_TEXT[status] ?? { code: `HTTP_${status}`, message: '请求未能处理' };
  return { ...known, fields: [] };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB` : `${Math.round(bytes / 1024)}KB`;
}
