import { join } from 'node:path';

/** A demo sign-in (console-shared.md): user name, password, who it is. */
export interface ConsoleDemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: string;
  unit: string;
}

export interface ConsolePlatformOptions {
  /** Names the suite's schemas and topics. */
  label: string;
  databaseUrl: string;
  /** Real Kafka (`testKafkaBrokers().join(',')`); left out, the in-process bus. */
  kafkaBrokers?: string;
  /** One clock for every service (a `ManualClock` of @onewindow/platform), to move time: deadlines, sign-in expiry, lockout. */
  clock?: { now(): Date };
  /** Extra variables for every service, e.g. `{ SESSION_TTL_MINUTES: '30' }`. */
  env?: Record<string, string>;
  /** The built console; default `dist/console` of the repository. */
  consoleDir?: string;
}

/** The whole platform behind the console gateway, as a browser meets it. */
export interface ConsolePlatform {
  /** The console's one address: the built console, and `/api/<service>/…`. */
  consoleUrl: string;
  /** Each service's own address, for set-up a test does behind the console's back. */
  serviceUrls: Record<'intake' | 'approval' | 'supervision' | 'bridge' | 'identity', string>;
  accounts: readonly ConsoleDemoAccount[];
  /** A query in a service's schema: `$schema` in the SQL names it. */
  query<R = Record<string, unknown>>(
    service: 'intake' | 'approval' | 'supervision' | 'bridge' | 'identity',
    sql: string,
    params?: unknown[],
  ): Promise<R[]>;
  stop(): Promise<void>;
}

/**
 * Starts every service on real PostgreSQL (throwaway schemas) and Kafka, with demo data, behind the
 * console gateway on a free port: what the browser tests drive. The launcher lives in
 * `apps/embedded` (`testing/console-platform.ts`); like the embedded launcher with the services, it
 * is loaded at run time so this library depends on no app.
 */
export function startConsolePlatform(options: ConsolePlatformOptions): Promise<ConsolePlatform> {
  const modulePath = join(__dirname, '..', '..', '..', '..', 'apps', 'embedded', 'src', 'testing', 'console-platform');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time on purpose (see above)
  const launcher = require(modulePath) as { startConsolePlatformForTest(options: ConsolePlatformOptions): Promise<ConsolePlatform> };
  return launcher.startConsolePlatformForTest(options);
}
