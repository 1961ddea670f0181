import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '../logging/request-context';
import { DomainError, type ErrorBody } from './domain-error';

const logger = new Logger('Errors');

const STATUS_TEXT: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '无权办理此项业务' },
  404: { code: 'NOT_FOUND', message: '未找到请求的内容' },
  409: { code: 'CONFLICT', message: '操作与当前状态冲突，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
};

/** Renders every error in the one shape; unknown errors become a 500 without internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = RequestContext.current()?.requestId;
    let status: number;
    let body: ErrorBody['error'];
    if (exception instanceof DomainError) {
      status = exception.status;
      body = { code: exception.code, message: exception.message, fields: exception.fields };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const known = STATUS_TEXT[status] ?? { code: `HTTP_${status}`, message: '请求未能处理' };
      body = { ...known, fields: [] };
      if (status >= 500) logger.error(exception.message, exception.stack);
    } else {
      status = 500;
      body = { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试', fields: [] };
      logger.error(exception instanceof Error ? exception.message : String(exception), exception instanceof Error ? exception.stack : undefined);
    }
    response.status(status).json({ error: { ...body, ...(requestId ? { requestId } : {}) } } satisfies ErrorBody);
  }
}
