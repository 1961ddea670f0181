/** One field at fault, as every service reports it: the request path and a Chinese message. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** The platform's one error body (`{ error: { code, message, fields, requestId } }`). */
interface ErrorBody {
  error: { code?: unknown; message?: unknown; fields?: unknown; requestId?: unknown };
}

/** A refused or failed call, with what the person at the screen needs to act on it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first message for one field path (`applicant.identifier`), if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ErrorBody).error === 'object' && (body as ErrorBody).error !== null;
}

function fieldsOf(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((field): field is Record<string, unknown> => typeof field === 'object' && field !== null)
    .map((field) => ({ path: String(field.path ?? ''), code: String(field.code ?? ''), message: String(field.message ?? '') }));
}

/** Reads any answer the console did not expect into an `ApiError`, never losing the server's words. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields, requestId } = body.error;
    return new ApiError(
      status,
      typeof code === 'string' ? code : `HTTP_${status}`,
      typeof message === 'string' && message ? message : defaultMessage(status),
      fieldsOf(fields),
      typeof requestId === 'string' ? requestId : null,
    );
  }
  return new ApiError(status, `HTTP_${status}`, defaultMessage(status));
}

/** A network failure (the service or the gateway cannot be reached). */
export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
}

function defaultMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '您没有办理此业务的权限';
  if (status === 404) return '未找到相关记录';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '操作过于频繁，请稍后重试';
  if (status >= 500) return '服务暂时不可用，请稍后重试';
  return '请求未能完成，请稍后重试';
}
