import 'reflect-metadata';
import { ConfigurationError, loadConfig } from '@onewindow/platform';
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
  const lines = platform.services.map(
    (service) =>
      `  ${service.name.padEnd(12)} ${service.url}   docs ${service.url}/docs   health ${service.url}/health/ready   ${service.title}`,
  );
  // Warnings the operator must act on (next year's calendar from 1 November), once per kind.
  const warnings = [...new Set(platform.services.flatMap((service) => Object.values(service.warnings())))].map((warning) => `  ⚠ ${warning}`);
  process.stdout.write(
    `\nOneWindow is ready in ${((Date.now() - started) / 1000).toFixed(1)} s (embedded: one process, PGlite in ${config.dataDir}, in-process bus)\n${lines.join('\n')}\n` +
      (warnings.length > 0 ? `${warnings.join('\n')}\n` : '') +
      `  try it: npm run demo      a token: npm run token -- --role clerk --name 李受理\n\n`,
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
