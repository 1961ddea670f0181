import { Controller, Get, HttpCode, Injectable, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';

export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

/** Something an operator must act on soon that does not stop the service (e.g. next year's calendar). */
export interface HealthWarning {
  name: string;
  /** The warning in words, or null while all is well. */
  warning(): string | null;
}

/** The readiness checks of a service; modules add theirs (database, broker), and warnings. */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];
  private readonly warningSources: HealthWarning[] = [];

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  registerWarning(source: HealthWarning): void {
    this.warningSources.push(source);
  }

  /** The warnings in force now, by name. */
  warnings(): Record<string, string> {
    const entries = this.warningSources
      .map((source) => [source.name, source.warning()] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null);
    return Object.fromEntries(entries);
  }

  async check(timeoutMs = 3_000): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => {
        try {
          await withTimeout(indicator.check(), timeoutMs);
          return [indicator.name, 'up'] as const;
        } catch (error) {
          return [indicator.name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    return { ok: results.every(([, state]) => state === 'up'), checks: Object.fromEntries(results) };
  }
}

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Each check: `up`, or `down: <reason>`',
    example: { database: 'up', broker: 'up' },
  })
  checks!: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      "Conditions that do not make the service unready but need an operator, e.g. next year's working-day calendar missing from 1 November",
    example: { calendar: '2027年工作日历尚未加载' },
  })
  warnings?: Record<string, string>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is up (for restarts). */
  @Get('live')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LiveResponse })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  /**
   * The service can do its work: database and broker answer (for load balancers). Warnings do not
   * make it unready; they are listed for the operator.
   */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ type: ReadinessResponse, description: 'A check is down' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const result = await this.registry.check();
    const warnings = this.registry.warnings();
    response.status(result.ok ? 200 : 503);
    return { status: result.ok ? 'ok' : 'unavailable', checks: result.checks, ...(Object.keys(warnings).length > 0 ? { warnings } : {}) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
