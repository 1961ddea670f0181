import { Module, type DynamicModule, type INestApplication, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AUTH_TOKEN_SECRET, AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/tokens';
import { Clock, SystemClock } from './clock/clock';
import type { BaseServiceConfig } from './config';
import { HealthController, HealthRegistry } from './health/health';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { jsonBodyParserOptions, type BodyLimits } from './http/body-limits';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation';
import { requestContextMiddleware } from './logging/request-context.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { createOpenApiDocument } from './openapi/openapi-document';

export interface PlatformOptions {
  serviceName: string;
  config: BaseServiceConfig;
  clock?: Clock;
}

const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

/**
 * The platform's HTTP conventions for one service: bearer-token auth on every route, one
 * validation pipe and one error shape, request/trace ids in logs, /metrics and /health.
 */
@Module({})
export class PlatformModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        // The service's own validated configuration, injected by its class (e.g. `private readonly config: ApprovalConfig`).
        { provide: options.config.constructor, useValue: options.config },
        { provide: AUTH_TOKEN_SECRET, useValue: options.config.authTokenSecret },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: TokenVerifier,
          useFactory: () => new TokenVerifier(options.config.authTokenSecret, options.config.externalIdentityProvider()),
        },
        { provide: MetricsService, useFactory: () => new MetricsService(options.serviceName) },
        HealthRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [MetricsService, HealthRegistry, AUTH_TOKEN_SECRET, TokenVerifier, Clock, options.config.constructor],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware(this.metrics)).forRoutes('*path');
  }
}

/**
 * What must be set on the application instance itself: the JSON body parser with the body limits
 * (size and nesting depth), API docs at /docs (and /docs/openapi.json). Called before `init()`, so
 * the parser replaces Nest's default one and runs after any raw-body reader a module registered
 * while it was built.
 */
export function configureHttpApp(app: INestApplication<Server>, options: { title: string; version?: string; body?: BodyLimits }): void {
  if (options.body) (app as NestExpressApplication).useBodyParser('json', jsonBodyParserOptions(options.body));
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, options), { jsonDocumentUrl: 'docs/openapi.json' });
}
