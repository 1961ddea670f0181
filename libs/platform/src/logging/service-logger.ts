import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPersonalDataInText } from '@onewindow/domain';
import { ServiceContext } from '@onewindow/messaging';
import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import { pino, stdTimeFunctions, type DestinationStream, type Logger as Pino } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config/base-service.config';
import { RequestContext } from './request-context';

/** Nest's start-up listing (every module, controller and route): useful when debugging, noise in the start banner. */
const START_UP_LISTINGS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export interface ServiceLoggingOptions {
  service: string;
  level?: LogLevel;
  /** `json` (production: one object per line) or `text` (a person at a terminal: pino-pretty, one line). */
  format?: LogFormat;
  /** Where lines go; stdout by default (through `process.stdout.write`, so a test can read them). */
  destination?: DestinationStream;
}

/**
 * The service's pino logger: one JSON object per line with the service whose work is in progress
 * (several share the embedded process) and the request's trace and user; resident ID and mobile
 * numbers masked in the whole line, whatever field they hide in.
 */
export function createServicePino(options: ServiceLoggingOptions): Pino {
  const destination = options.destination ?? process.stdout;
  return pino(
    {
      level: options.level ?? 'info',
      messageKey: 'message',
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ service: ServiceContext.current() ?? options.service, ...requestFields() }),
      hooks: { streamWrite: (line) => maskPersonalDataInText(line) },
    },
    options.format === 'text' ? readableLinesTo(destination) : destination,
  );
}

const readable = new WeakMap<object, DestinationStream>();

/** One pino-pretty stream per destination, however many services of the process log to it. */
function readableLinesTo(destination: DestinationStream): DestinationStream {
  let stream = readable.get(destination);
  if (!stream) {
    stream = PinoPretty({
      destination,
      sync: true,
      colorize: false,
      messageKey: 'message',
      translateTime: 'HH:MM:ss.l',
      ignore: 'service,context',
      messageFormat: '{service} {if context}[{context}] {end}{message}',
      singleLine: true,
    });
    readable.set(destination, stream);
  }
  return stream;
}

/** The nestjs-pino parameters of a service: its pino logger, and one line per HTTP request (pino-http). */
export function serviceLoggingParams(options: ServiceLoggingOptions): Params {
  return {
    pinoHttp: {
      logger: createServicePino(options),
      genReqId: requestIdFor,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
      autoLogging: { ignore: (request) => isProbe(request.url ?? '') },
      serializers: {
        req: (request: { method?: string; url?: string }) => ({ method: request.method, path: request.url }),
        res: (response: { statusCode?: number }) => ({ status: response.statusCode }),
      },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (request, response) => `${request.method} ${originalUrl(request)} ${response.statusCode}`,
      customErrorMessage: (request, response) => `${request.method} ${originalUrl(request)} ${response.statusCode}`,
      // pino-http makes up an error for a 5xx answer whose stack is its own; the error filter logs the real one.
      customErrorObject: (_request, _response, _error, value: Record<string, unknown>) => {
        const { err: _madeUp, ...line } = value;
        return line;
      },
    },
  };
}

/** Nest's logger for the service, backed by pino through nestjs-pino; the start-up listings at debug. */
export class ServiceLogger extends PinoNestLogger {
  static create(params: Params): ServiceLogger {
    return new ServiceLogger(new PinoLogger(params), params);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_UP_LISTINGS.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

/**
 * The request's id: the caller's `x-request-id` when it is a sane one, else a new one, echoed in the
 * response. Idempotent, so the log line and the request context agree whichever asks first.
 */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const echoed = response.getHeader('x-request-id');
  if (typeof echoed === 'string') return echoed;
  const incoming = request.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  if (!response.headersSent) response.setHeader('x-request-id', requestId);
  return requestId;
}

function requestFields(): Record<string, string> {
  const request = RequestContext.current();
  if (!request) return {};
  return {
    traceId: request.trace.traceId,
    spanId: request.trace.spanId,
    ...(request.user ? { userId: request.user.id, role: request.user.role } : {}),
  };
}

function originalUrl(request: IncomingMessage): string {
  return (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '';
}

function isProbe(url: string): boolean {
  return url.startsWith('/health') || url === '/metrics';
}
