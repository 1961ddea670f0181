import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from '../metrics/metrics.service';
import { RequestContext } from './request-context';
import { requestIdFor } from './service-logger';
import { childTraceContext, formatTraceparent, parseTraceparent } from './trace-context';

/**
 * Gives every request an id and a span of the caller's trace, echoes both, and counts the outcome
 * in the metrics (the log line per request is pino-http's, with the same id).
 */
export function requestContextMiddleware(metrics?: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = requestIdFor(request, response);
    const trace = childTraceContext(parseTraceparent(request.header('traceparent')));
    response.setHeader('traceparent', formatTraceparent(trace));
    const started = process.hrtime.bigint();
    RequestContext.run({ requestId, trace }, () => {
      response.on('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = (request as Request & { route?: { path?: string } }).route?.path ?? 'unmatched';
        metrics?.observeHttp(request.method, `${request.baseUrl}${route}`, response.statusCode, seconds);
      });
      next();
    });
  };
}
