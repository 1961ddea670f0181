export { ServiceLogger, createServicePino, requestIdFor, serviceLoggingParams, type ServiceLoggingOptions } from './service-logger';
export { RequestContext, type RequestContextData } from './request-context';
export { requestContextMiddleware } from './request-context.middleware';
export { childTraceContext, formatTraceparent, parseTraceparent, type TraceContext } from './trace-context';
