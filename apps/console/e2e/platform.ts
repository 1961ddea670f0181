import { startConsolePlatform as startPlatform, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';

/**
 * The platform the browser tests drive: every service on real Kafka and PostgreSQL behind the
 * console gateway (the built console and `/api/<service>/…` on one address), with the demo accounts.
 */
export interface ConsolePlatform {
  baseUrl: string;
  /** A query in a service's schema (`$schema` names it), for set-up behind the console's back; absent against a platform already running. */
  query?: StartedPlatform['query'];
  stop(): Promise<void>;
}

type StartedPlatform = Awaited<ReturnType<typeof startPlatform>>;

export async function startConsolePlatform(options: { clock?: { now(): Date } } = {}): Promise<ConsolePlatform> {
  // While working on the console: `CONSOLE_E2E_URL=http://127.0.0.1:3000` drives a platform already running (`npm start`).
  const running = process.env['CONSOLE_E2E_URL'];
  if (running) return { baseUrl: running, stop: async () => undefined };
  const platform = await startPlatform({
    label: 'console-e2e',
    databaseUrl: testDatabaseUrl(),
    kafkaBrokers: testKafkaBrokers().join(','),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    baseUrl: platform.consoleUrl,
    query: (service, sql, params) => platform.query(service, sql, params),
    stop: () => platform.stop(),
  };
}
