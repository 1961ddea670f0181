import { join, resolve } from 'node:path';
import type { Clock } from '@onewindow/platform';
import type { ConsolePlatform, ConsolePlatformOptions } from '@onewindow/testing';
import { startConsoleGateway } from '../gateway/console-gateway';
import { loadServiceDefinitions, SERVICE_NAMES } from '../service-registry';
import { startServicesForTest, type TestPlatform } from './services-in-process';

export interface ConsoleTestPlatform extends ConsolePlatform {
  /** The services themselves (restart, raw events, outbox counts). */
  platform: TestPlatform;
}

/** Every service with demo data, behind the console gateway on a free port (see `startConsolePlatform` in @onewindow/testing). */
export async function startConsolePlatformForTest(options: ConsolePlatformOptions): Promise<ConsoleTestPlatform> {
  const platform = await startServicesForTest({
    label: options.label,
    databaseUrl: options.databaseUrl,
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
    only: [...SERVICE_NAMES],
    ...(options.env ? { env: options.env } : {}),
    ...(options.clock ? { clock: options.clock as Clock } : {}),
  });
  try {
    const gateway = await startConsoleGateway({
      host: '127.0.0.1',
      port: 0,
      services: platform.urls,
      consoleDir: options.consoleDir ?? resolve(join(__dirname, '..', '..', '..', '..', 'dist', 'console')),
    });
    return {
      consoleUrl: gateway.url,
      serviceUrls: platform.urls,
      accounts: loadServiceDefinitions().flatMap((definition) => definition.demoAccounts ?? []),
      query: (service, sql, params) => platform.query(service, sql, params),
      platform,
      async stop() {
        await gateway.close();
        await platform.stop();
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
