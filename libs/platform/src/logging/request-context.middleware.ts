import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from '../metrics/metrics.service';
import { RequestContext } from './request-context';
import { childTraceContext, formatTraceparent, parseTraceparent } from './trace-context';

const logger = new Logger('HTTP');

/** Gives every request an id and a span of the caller's trace, echoes both, and logs the outcome. */
export function requestContextMiddleware(metrics?: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    const trace = childTraceContext(parseTraceparent(request.header('traceparent')));
    response.setHeader('x-request-id', requestId);
    response.setHeader('traceparent', formatTraceparent(trace));
    const started = process.hrtime.bigint();
    RequestContext.run({ requestId, trace }, () => {
      response.on('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = (request as Request & { route?: { path?: string } }).route?.path ?? 'unmatched';
        metrics?.observeHttp(request.method, `${request.baseUrl}${route}`, response.statusCode, seconds);
        if (!request.originalUrl.startsWith('/health') && request.originalUrl !== '/metrics') {
          logger.log({
            message: `${request.method} ${request.originalUrl} ${response.statusCode}`,
            method: request.method,
            path: request.originalUrl,
            status: response.statusCode,
            durationMs: Math.round(seconds * 1000),
          });
        }
      });
      next();
    });
  };
}
