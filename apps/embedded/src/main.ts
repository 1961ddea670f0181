import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError, loadConfig } from '@onewindow/platform';
import { renderBanner } from './banner';
import { EmbeddedConfig } from './embedded.config';
import { startEmbeddedPlatform } from './embedded-platform';

/** `npm start`: the whole platform in one process, embedded PostgreSQL, in-process bus, demo data. */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  let config: EmbeddedConfig;
  try {
    config = loadConfig(EmbeddedConfig, reset ? { overrides: { ONEWINDOW_RESET: 'true' } } : {});
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`onewindow: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const started = Date.now();
  const platform = await startEmbeddedPlatform(config, { portOffset: config.portOffset });
  const logger = new Logger('Embedded');
  for (const service of platform.services) {
    logger.debug(`${service.name} ${service.url}   docs ${service.url}/docs   health ${service.url}/health/ready   ${service.title}`);
  }
  // One line the start benchmark reads (LOG_LEVEL=debug): where the start spent its time and memory.
  logger.debug(`start phases ${JSON.stringify(platform.startPhases)}`);
  process.stdout.write(
    renderBanner({
      seconds: (Date.now() - started) / 1000,
      dataDir: config.dataDir,
      consoleUrl: platform.gateway.url,
      services: platform.services,
      demoAccounts: platform.demoAccounts,
      warnings: platform.services.flatMap((service) => Object.values(service.warnings())),
    }),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping OneWindow…\n`);
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`onewindow failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
