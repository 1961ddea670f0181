import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { InProcessEventBus } from '@onewindow/messaging';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres, type EmbeddedPostgres } from '@onewindow/persistence';
import { loadConfig, startService, type RunningService } from '@onewindow/platform';
import type { EmbeddedConfig } from './embedded.config';
import { loadServiceDefinitions } from './service-registry';

export interface EmbeddedPlatform {
  services: RunningService[];
  stop(): Promise<void>;
}

/**
 * Starts all four services in this process: each on its own embedded PostgreSQL (as it would
 * own its own database), all on one in-process event bus, on the ports they use when deployed
 * alone. The relays start last, once every consumer is subscribed.
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
  try {
    for (const definition of loadServiceDefinitions()) {
      const database = await startEmbeddedPostgres({ dataDir: join(dataDir, definition.name) });
      databases.push(database);
      const serviceConfig = loadConfig(definition.configClass, {
        defaults: {
          HTTP_PORT: String(definition.defaultPort + (options.portOffset ?? 0)),
          NODE_ENV: 'development',
          // The demo department systems' files live with the rest of the embedded data (kept, and removed by a reset).
          ...(definition.name === 'bridge' ? { BRIDGE_DEMO_FOLDER: join(dataDir, 'bridge-demo-systems') } : {}),
        },
        overrides: {
          DATABASE_URL: database.url,
          DATABASE_POOL_SIZE: String(EMBEDDED_POOL_SIZE),
          EVENT_BUS: 'in-process',
          SEED_DEMO_DATA: String(config.seedDemoData),
        },
      });
      services.push(await startService(definition, { config: serviceConfig, bus, deferRelay: true, seedDemoData: config.seedDemoData }));
    }
    services.forEach((service) => service.startRelay());
  } catch (error) {
    await stopAll(services, databases);
    throw error;
  }
  return {
    services,
    stop: () => stopAll(services, databases),
  };
}

async function stopAll(services: RunningService[], databases: EmbeddedPostgres[]): Promise<void> {
  for (const service of [...services].reverse()) await service.stop().catch(() => undefined);
  for (const database of databases) await database.stop().catch(() => undefined);
}
