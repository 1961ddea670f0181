import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServiceDataSource, findSchemaDrift, generateMigrationSource, migrateDatabase } from '@onewindow/persistence';
import { ConfigurationError, loadConfig, type BaseServiceConfig } from '../config';
import type { ServiceDefinition } from './service-definition';
import { startService } from './start-service';

const USAGE = `usage: main.js [serve | migrate | migrations:check | migrations:generate <ClassName> <dir>]`;

/**
 * The entry point of every service process: `serve` (default) runs it; `migrate` applies pending
 * migrations and exits (for operators who migrate as a separate deployment step);
 * `migrations:check` fails when entities and migrations disagree; `migrations:generate` writes
 * the next migration for a developer to review.
 */
export async function runServiceCommand<C extends BaseServiceConfig>(definition: ServiceDefinition<C>, argv: string[]): Promise<void> {
  const [command = 'serve', ...args] = argv;
  let config: C;
  try {
    config = loadConfig(definition.configClass, { defaults: { HTTP_PORT: String(definition.defaultPort) } });
    if (config.eventBus === 'in-process') {
      throw new ConfigurationError([
        'EVENT_BUS=in-process runs only in the embedded launcher (npm start); a service started alone needs kafka',
      ]);
    }
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  try {
    switch (command) {
      case 'serve': {
        const running = await startService(definition, { config, seedDemoData: config.seedDemoData });
        // Not Nest's shutdown hooks: they flush the outbox before the HTTP server stops serving.
        const stop = (signal: NodeJS.Signals) => {
          process.stderr.write(`${definition.name}: ${signal}, shutting down\n`);
          running.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              process.stderr.write(`${definition.name}: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
              process.exit(1);
            },
          );
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        return;
      }
      case 'migrate':
      case 'migrations:check':
      case 'migrations:generate': {
        const dataSource = createServiceDataSource({
          url: config.databaseUrl,
          schema: config.databaseSchema ?? definition.name,
          entities: definition.entities,
          migrations: definition.migrations,
          poolSize: 1,
          applicationName: `onewindow-${definition.name}-migrate`,
        });
        await dataSource.initialize();
        try {
          const ran = await migrateDatabase(dataSource);
          process.stdout.write(`${definition.name}: ${ran.length} migration(s) applied${ran.length ? `: ${ran.join(', ')}` : ''}\n`);
          if (command === 'migrations:check') {
            const drift = await findSchemaDrift(dataSource);
            if (drift.length > 0) {
              process.stderr.write(`${definition.name}: entities and migrations disagree:\n${drift.join(';\n')}\n`);
              process.exitCode = 1;
            }
          }
          if (command === 'migrations:generate') {
            const [className, directory] = args;
            if (!className || !directory) throw new Error(USAGE);
            // One timestamp for the file name and the class name, so they always match.
            const timestamp = Date.now();
            const source = await generateMigrationSource(dataSource, className, timestamp);
            if (!source) {
              process.stdout.write('Entities and migrations agree: nothing to generate\n');
            } else {
              const file = join(directory, `${timestamp}-${className.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`);
              writeFileSync(file, source);
              process.stdout.write(`Wrote ${file}: review it, then add ${className}${timestamp} to the service's migration list\n`);
            }
          }
        } finally {
          await dataSource.destroy();
        }
        return;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        process.exit(64);
    }
  } catch (error) {
    process.stderr.write(`${definition.name}: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }
}
