import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { InProcessEventBus } from '@onewindow/messaging';
import { EMBEDDED_POOL_SIZE, initialiseEmbeddedDataDirs, startEmbeddedPostgres, type EmbeddedPostgres } from '@onewindow/persistence';
import { loadConfig, startService, type DemoAccount, type RunningService } from '@onewindow/platform';
import type { EmbeddedConfig } from './embedded.config';
import { startConsoleGateway, type ConsoleGateway } from './gateway/console-gateway';
import { loadServiceDefinitions } from './service-registry';

export interface EmbeddedPlatform {
  services: RunningService[];
  /** The console and every service's API behind it, on one address. */
  gateway: ConsoleGateway;
  /** The demo sign-ins (when demo data was seeded). */
  demoAccounts: readonly DemoAccount[];
  /** Where the start spent its time and memory, phase by phase (the start benchmark reports them). */
  startPhases: readonly StartPhase[];
  stop(): Promise<void>;
}

/** One step of the start: how long it took and the process's resident memory once it was done. */
export interface StartPhase {
  phase: string;
  ms: number;
  residentMiB: number;
}

/**
 * Starts every service in this process: each on its own embedded PostgreSQL (as it would own its
 * own database), the ones with events on one in-process event bus, on the ports they use when
 * deployed alone; then the console gateway in front of them. The relays start last, once every
 * consumer is subscribed.
 */
export async function startEmbeddedPlatform(config: EmbeddedConfig, options: { portOffset?: number } = {}): Promise<EmbeddedPlatform> {
  const logger = new Logger('Embedded');
  const dataDir = resolve(config.dataDir);
  if (config.reset) {
    rmSync(dataDir, { recursive: true, force: true });
    logger.log(`Reset: removed ${dataDir}`);
  }
  const bus = new InProcessEventBus();
  const databases: EmbeddedPostgres[] = [];
  const services: RunningService[] = [];
  const phases = new StartPhases();
  const definitions = await phases.measure('load service definitions', async () => loadServiceDefinitions());
  let gateway: ConsoleGateway | undefined;
  try {
    await phases.measure('create databases', () =>
      initialiseEmbeddedDataDirs(definitions.map((definition) => join(dataDir, definition.name))),
    );
    for (const definition of definitions) {
      const database = await phases.measure(`${definition.name}: database`, () =>
        startEmbeddedPostgres({ dataDir: join(dataDir, definition.name) }),
      );
      databases.push(database);
      const serviceConfig = loadConfig(definition.configClass, {
        defaults: {
          HTTP_PORT: String(definition.defaultPort + (options.portOffset ?? 0)),
          NODE_ENV: 'development',
          // A person reads the embedded default's output at a terminal; LOG_FORMAT=json gives the production lines.
          LOG_FORMAT: 'text',
          // The demo department systems' files live with the rest of the embedded data (kept, and removed by a reset).
          ...(definition.name === 'bridge'
            ? { BRIDGE_DEMO_FOLDER: join(dataDir, 'bridge-demo-systems'), BRIDGE_DEMO_SYSTEMS: String(config.seedDemoData) }
            : {}),
        },
        overrides: {
          DATABASE_URL: database.url,
          DATABASE_POOL_SIZE: String(EMBEDDED_POOL_SIZE),
          EVENT_BUS: 'in-process',
          SEED_DEMO_DATA: String(config.seedDemoData),
        },
      });
      services.push(
        await phases.measure(`${definition.name}: migrations, modules, demo data`, () =>
          startService(definition, { config: serviceConfig, bus, deferRelay: true, seedDemoData: config.seedDemoData }),
        ),
      );
    }
    services.forEach((service) => service.startRelay());
    gateway = await phases.measure('console gateway', () =>
      startConsoleGateway({
        host: config.host,
        port: config.consolePort + (options.portOffset ?? 0),
        services: Object.fromEntries(services.map((service) => [service.name, service.url])),
        consoleDir: resolve(config.consoleDir),
      }),
    );
  } catch (error) {
    await stopAll(gateway, services, databases);
    throw error;
  }
  const started = gateway;
  return {
    services,
    gateway: started,
    demoAccounts: config.seedDemoData ? definitions.flatMap((definition) => definition.demoAccounts ?? []) : [],
    startPhases: phases.done,
    stop: () => stopAll(started, services, databases),
  };
}

async function stopAll(gateway: ConsoleGateway | undefined, services: RunningService[], databases: EmbeddedPostgres[]): Promise<void> {
  await gateway?.close().catch(() => undefined);
  for (const service of [...services].reverse()) await service.stop().catch(() => undefined);
  for (const database of databases) await database.stop().catch(() => undefined);
}

/** Times each step of the start and samples the resident memory after it (a benchmark figure, not a check). */
class StartPhases {
  readonly done: StartPhase[] = [];

  async measure<T>(phase: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await step();
    this.done.push({
      phase,
      ms: Math.round(performance.now() - started),
      residentMiB: Math.round(process.memoryUsage.rss() / 1024 / 1024),
    });
    return result;
  }
}
