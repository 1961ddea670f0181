// What `npm run bench` and `npm run chaos` share: build the services (the harnesses run dist/*), start a
// Kafka broker from the Maven Central artifacts unless KAFKA_BROKERS names one, use the PostgreSQL of
// DATABASE_URL, and run the harness's TypeScript entry with the results folder it writes to.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startBroker } = require('../kafka/broker.js');

/** Runs `entry` (relative to the repository) and exits with its status. */
export async function runHarness({ entry, resultsVariable, resultsDir, build = true }) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  if (build) {
    const built = spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--outputStyle=static'], {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const broker = env.KAFKA_BROKERS ? null : await startBroker({ partitions: 3 });
  let status = 1;
  try {
    const result = spawnSync(
      process.execPath,
      ['-r', join(root, 'tools', 'scripts', 'register-ts.cjs'), join(root, entry), ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...env,
          DATABASE_URL: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
          KAFKA_BROKERS: env.KAFKA_BROKERS || broker.brokers,
          [resultsVariable]: env[resultsVariable] || join(root, resultsDir),
        },
      },
    );
    status = result.status ?? 1;
  } finally {
    await broker?.stop();
  }
  process.exit(status);
}
