import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext } from '../logging/request-context';
import { databaseFailureOf } from './database-errors';
import { DomainError, type ErrorBody } from './domain-error';
import { httpExceptionText } from './http-exception-text';

const logger = new Logger('Errors');

/** How long a caller waits before trying again when the database is unreachable: a restart or failover takes seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Renders every error in the one shape, in Chinese. A database that cannot be reached answers 503
 * with Retry-After, a race lost in the database 409; other unknown errors a 500 without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const requestId = RequestContext.current()?.requestId;
    let status: number;
    let body: ErrorBody['error'];
    if (exception instanceof DomainError) {
      status = exception.status;
      body = { code: exception.code, message: exception.message, fields: exception.fields };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = httpExceptionText(exception, (request?.params ?? {}) as Record<string, string>);
      if (status >= 500) logger.error(exception.message, exception.stack);
    } else if (databaseFailureOf(exception) === 'unavailable') {
      // Nothing was committed and the pool reconnects: the same request shortly after succeeds.
      status = 503;
      body = { code: 'DATABASE_UNAVAILABLE', message: '系统正在恢复数据库连接，本次操作未保存，请稍后重试', fields: [] };
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      logger.warn(`Database unavailable, answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (databaseFailureOf(exception) === 'conflict') {
      // Two requests raced (two first pauses of an adapter, a duplicate submission): the loser changed nothing.
      status = 409;
      body = { code: 'CONFLICT', message: '操作与其他人同时进行，未能完成，请刷新后重试', fields: [] };
      logger.warn(`Conflict answered with 409: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else {
      status = 500;
      body = { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试', fields: [] };
      logger.error(exception instanceof Error ? exception.message : String(exception), exception instanceof Error ? exception.stack : undefined);
    }
    response.status(status).json({ error: { ...body, ...(requestId ? { requestId } : {}) } } satisfies ErrorBody);
  }
}
