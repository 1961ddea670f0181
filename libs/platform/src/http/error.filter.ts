import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext } from '../logging/request-context';
import { requestIdFor } from '../logging/service-logger';
import { databaseFailureOf } from './database-errors';
import { DomainError, type ErrorBody } from './domain-error';
import { httpExceptionText } from './http-exception-text';
import { PLATFORM_ERRORS } from './platform-errors';

const logger = new Logger('Errors');

/** How long a caller waits before trying again when the database is unreachable: a restart or failover takes seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Renders every error in the one shape, in Chinese, with the status of its kind (error-kinds.ts). A database that cannot be reached answers 503
 * with Retry-After, a race lost in the database 409; other unknown errors a 500 without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    // A body the parser refused never reached the middleware that names the request: name it here,
    // so every error quotes a request id (and sends it as x-request-id) whatever refused it.
    const requestId = RequestContext.current()?.requestId ?? (request && response ? requestIdFor(request, response) : undefined);
    let status: number;
    let body: ErrorBody['error'];
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = httpExceptionText(exception, (request?.params ?? {}) as Record<string, string>);
      if (status >= 500) logger.error(exception.message, exception.stack);
    } else {
      const error = this.domainErrorOf(exception, response);
      status = error.status;
      body = { code: error.code, message: error.message, fields: error.fields };
    }
    response.status(status).json({ error: { ...body, ...(requestId ? { requestId } : {}) } } satisfies ErrorBody);
  }

  /** Every other error as the platform's refusal it stands for; its kind decides the status. */
  private domainErrorOf(exception: unknown, response: Response): DomainError {
    if (exception instanceof DomainError) return exception;
    const text = exception instanceof Error ? exception.message : String(exception);
    switch (databaseFailureOf(exception)) {
      case 'unavailable':
        // Nothing was committed and the pool reconnects: the same request shortly after succeeds.
        response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        logger.warn(`Database unavailable, answered 503: ${text}`);
        return PLATFORM_ERRORS.DATABASE_UNAVAILABLE();
      case 'conflict':
        // Two requests raced (two first pauses of an adapter, a duplicate submission): the loser changed nothing.
        logger.warn(`Conflict answered with 409: ${text}`);
        return PLATFORM_ERRORS.CONFLICT();
      default:
        logger.error(text, exception instanceof Error ? exception.stack : undefined);
        return PLATFORM_ERRORS.INTERNAL_ERROR();
    }
  }
}
