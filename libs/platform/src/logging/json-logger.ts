import type { LoggerService } from '@nestjs/common';
import { maskPersonalDataInText } from '@onewindow/domain';
import { ServiceContext } from '@onewindow/messaging';
import type { LogFormat, LogLevel } from '../config/base-service.config';
import { RequestContext } from './request-context';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Nest's start-up listing (every module, controller and route): useful when debugging, noise in the start banner. */
const START_UP_LISTINGS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * One JSON object per line on stdout, with the request and trace ids of the work in progress
 * (or, with format `text`, one readable line: time, level, service, context, message, the ids).
 * Resident ID and mobile numbers are masked in the whole line, whatever field they hide in.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly options: { service: string; level?: LogLevel; format?: LogFormat; write?: (line: string) => void },
  ) {
    this.threshold = ORDER[options.level ?? 'info'];
  }

  log(message: unknown, ...optional: unknown[]): void {
    const context = optional[optional.length - 1];
    this.write(typeof context === 'string' && START_UP_LISTINGS.has(context) ? 'debug' : 'info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  private write(level: LogLevel, message: unknown, optional: unknown[]): void {
    if (ORDER[level] < this.threshold) return;
    // Nest passes the context last; an error's stack comes before it.
    const rest = [...optional];
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const request = RequestContext.current();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: ServiceContext.current() ?? this.options.service,
      ...(context ? { context } : {}),
      message: message instanceof Error ? message.message : typeof message === 'string' ? message : '',
      ...(request
        ? {
            requestId: request.requestId,
            traceId: request.trace.traceId,
            spanId: request.trace.spanId,
            ...(request.user ? { userId: request.user.id, role: request.user.role } : {}),
          }
        : {}),
    };
    if (message instanceof Error && message.stack) entry['stack'] = message.stack;
    else if (message && typeof message === 'object') Object.assign(entry, message);
    for (const extra of rest) {
      if (typeof extra === 'string') entry['stack'] = extra;
      else if (extra instanceof Error) entry['stack'] = extra.stack;
      else if (extra && typeof extra === 'object') Object.assign(entry, extra);
    }
    const line = maskPersonalDataInText(this.options.format === 'text' ? asText(entry) : JSON.stringify(entry));
    (this.options.write ?? ((text: string) => process.stdout.write(text)))(`${line}\n`);
  }
}

/** `03:33:40.621 INFO  intake [Calendar] message requestId=… ` and the stack on the lines below. */
function asText(entry: Record<string, unknown>): string {
  const { time, level, service, context, message, stack, ...rest } = entry;
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const head = `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${String(service)}${context ? ` [${String(context)}]` : ''} ${String(message)}`;
  return `${head}${fields ? `  ${fields}` : ''}${typeof stack === 'string' ? `\n${stack}` : ''}`;
}
