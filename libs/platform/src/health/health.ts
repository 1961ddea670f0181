import { Controller, Get, HttpCode, Injectable, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';

export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

/** The readiness checks of a service; modules add theirs (database, broker). */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
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

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Each check: `up`, or `down: <reason>`', example: { database: 'up', broker: 'up' } })
  checks!: Record<string, string>;
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

  /** The service can do its work: database and broker answer (for load balancers). */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ type: ReadinessResponse, description: 'A check is down' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const result = await this.registry.check();
    response.status(result.ok ? 200 : 503);
    return { status: result.ok ? 'ok' : 'unavailable', checks: result.checks };
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
