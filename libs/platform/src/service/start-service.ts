import { Logger, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceName } from '@onewindow/contracts';
import { MessagingModule, MessagingService, ServiceContext, type InProcessEventBus, type TransportOptions } from '@onewindow/messaging';
import { DataSource } from 'typeorm';
import type { Clock } from '../clock/clock';
import type { BaseServiceConfig } from '../config';
import { HealthRegistry } from '../health/health';
import { ServiceLogger, serviceLoggingParams } from '../logging';
import { LoggerModule, type Params as LoggingParams } from 'nestjs-pino';
import { MetricsService } from '../metrics/metrics.service';
import { PlatformModule, configureHttpApp } from '../platform.module';
import { DatabaseModule } from './database.module';
import { HttpDrain } from './http-drain';
import { OperationsModule } from './operations/operations.module';
import type { ServiceDefinition } from './service-definition';

/** The largest JSON body of a service that states no need of its own. */
const DEFAULT_BODY_LIMIT = '1mb';

export interface StartServiceOptions<C extends BaseServiceConfig> {
  config: C;
  /** The embedded default: every service in one process on this bus instead of Kafka. */
  bus?: InProcessEventBus;
  /** Leave the outbox relay stopped until `startRelay()`: the launcher starts relays once every service listens. */
  deferRelay?: boolean;
  seedDemoData?: boolean;
  /** Tests pass a ManualClock to move time; services otherwise run on the system clock. */
  clock?: Clock;
}

export interface RunningService {
  name: string;
  title: string;
  url: string;
  app: INestApplication;
  /** The service's events; none for a service that only answers HTTP (identity). */
  messaging: MessagingService | undefined;
  dataSource: DataSource;
  /** What the operator must act on soon (e.g. next year's calendar), by name; the start banner prints them. */
  warnings(): Record<string, string>;
  startRelay(): void;
  stop(): Promise<void>;
}

/**
 * Starts one service: validated config in, then database (migrated), messaging (Kafka or the
 * in-process bus), the platform's HTTP conventions and the service's own modules.
 */
export async function startService<C extends BaseServiceConfig>(
  definition: ServiceDefinition<C>,
  options: StartServiceOptions<C>,
): Promise<RunningService> {
  // Everything the service starts (HTTP server, timers, consumers) inherits its log context.
  return ServiceContext.run(definition.name, () => startInContext(definition, options));
}

async function startInContext<C extends BaseServiceConfig>(
  definition: ServiceDefinition<C>,
  options: StartServiceOptions<C>,
): Promise<RunningService> {
  const { config } = options;
  const logging = serviceLoggingParams({ service: definition.name, level: config.logLevel, format: config.logFormat });
  const logger = ServiceLogger.create(logging);
  const root = serviceRootModule(definition, { ...options, logging });
  const app = await NestFactory.create<NestExpressApplication>(root, { logger, bufferLogs: false, abortOnError: false });
  const drain = new HttpDrain();
  app.use(drain.middleware);
  configureHttpApp(app, {
    title: definition.title,
    body: {
      // HTTP_BODY_LIMIT_KB when set, else what the service needs (intake takes whole catalogue files), else 1 MB.
      limit: config.httpBodyLimitKb !== undefined ? config.httpBodyLimitKb * 1024 : (definition.maxRequestBody ?? DEFAULT_BODY_LIMIT),
      maxDepth: config.httpBodyMaxDepth,
    },
  });
  await app.init();
  const messaging = definition.httpOnly ? undefined : app.get(MessagingService);
  if (messaging) {
    await messaging.ensureTopics();
    app.connectMicroservice({ strategy: messaging.server as CustomTransportStrategy });
    await app.startAllMicroservices();
  }
  if (options.seedDemoData && definition.seedDemoData) await definition.seedDemoData(app, config);
  if (definition.onStart) await definition.onStart(app, config);
  await app.listen(config.httpPort, config.httpHost);
  // Port 0 asks the system for a free port (tests); report the one really bound.
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address ? address.port : config.httpPort;
  const url = `http://${config.httpHost === '0.0.0.0' ? '127.0.0.1' : config.httpHost}:${port}`;
  if (!options.deferRelay) messaging?.startRelay();
  const banner = new Logger(definition.name);
  banner.log(`${definition.title} listening on ${url}`);
  const health = app.get(HealthRegistry);
  for (const [name, warning] of Object.entries(health.warnings())) banner.warn(`${name}: ${warning}`);
  let stopped = false;
  return {
    name: definition.name,
    title: definition.title,
    url,
    app,
    messaging,
    dataSource: app.get(DataSource),
    warnings: () => health.warnings(),
    startRelay: () => messaging?.startRelay(),
    /**
     * Graceful shutdown, in order: stop accepting and finish the requests in flight (HTTP), then
     * Nest's hooks stop the consumer, finish the handler in flight and flush the outbox last. Each
     * stage is bounded by SHUTDOWN_TIMEOUT_MS.
     */
    async stop() {
      if (stopped) return;
      stopped = true;
      const finished = await drain.drain(app.getHttpServer(), config.shutdownTimeoutMs);
      if (!finished) banner.warn(`Shutdown: requests still in flight after ${config.shutdownTimeoutMs} ms were cut off`);
      await app.close();
    },
  };
}

/**
 * The module graph of one service: the platform's conventions, its database, messaging and
 * operations (unless it only answers HTTP), then the service's own modules. The OpenAPI document is built from the same graph.
 */
export function serviceRootModule<C extends BaseServiceConfig>(
  definition: ServiceDefinition<C>,
  options: Pick<StartServiceOptions<C>, 'config' | 'bus' | 'clock'> & { logging?: LoggingParams },
): DynamicModule {
  const { config } = options;
  const transport: TransportOptions = options.bus
    ? { kind: 'in-process', bus: options.bus, topicPrefix: config.kafkaTopicPrefix }
    : {
        kind: 'kafka',
        brokers: config.kafkaBrokers,
        topicPrefix: config.kafkaTopicPrefix,
        partitions: config.kafkaTopicPartitions,
      };

  @Module({})
  class ServiceRootModule {}
  return {
    module: ServiceRootModule,
    imports: [
      // Logs through pino (nestjs-pino), with one line per HTTP request; absent when only the OpenAPI document is built.
      ...(options.logging ? [LoggerModule.forRoot(options.logging)] : []),
      PlatformModule.forService({ serviceName: definition.name, config, ...(options.clock ? { clock: options.clock } : {}) }),
      DatabaseModule.forService({
        url: config.databaseUrl,
        schema: config.databaseSchema ?? definition.name,
        entities: definition.entities,
        migrations: definition.migrations,
        poolSize: config.databasePoolSize,
        migrate: config.migrateOnStart,
        applicationName: `onewindow-${definition.name}`,
      }),
      ...(definition.httpOnly
        ? []
        : [
            MessagingModule.forService({
              service: definition.name as ServiceName,
              transport,
              retry: { maxAttempts: config.consumerMaxAttempts, baseDelayMs: config.consumerRetryBaseMs },
              outbox: { pollIntervalMs: config.outboxPollIntervalMs, maxBatchBytes: config.outboxMaxBatchBytes },
              metricsToken: MetricsService,
              shutdownStageTimeoutMs: config.shutdownTimeoutMs,
            }),
            OperationsModule,
          ]),
      ...definition.modules(config),
    ],
  };
}
