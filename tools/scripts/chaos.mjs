#!/usr/bin/env node
// `npm run chaos [-- faults|poison|fuzz|authorisation|shutdown ...] [--quick]`: the chaos suite, never
// part of `npm test` (its quick form runs in CI as chaos/chaos-quick.int-spec.ts). Builds the services
// (every scenario runs dist/*), starts a Kafka broker from the Maven Central artifacts (the faults
// scenario starts its own, to stop and kill it), uses the PostgreSQL of DATABASE_URL (a superuser:
// the suite makes its own role and database there), and writes chaos/results/.
// CHAOS_APPLICATIONS, CHAOS_POISON_MESSAGES, CHAOS_REFUSE_SECONDS, CHAOS_FUZZ_RUNS, CHAOS_SEED size it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startBroker } = require('../kafka/broker.js');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

if (env.CHAOS_SKIP_BUILD !== '1') {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const broker = env.KAFKA_BROKERS ? null : await startBroker({ partitions: 3 });
let status = 1;
try {
  const result = spawnSync(process.execPath, ['-r', join(root, 'tools', 'scripts', 'register-ts.cjs'), join(root, 'chaos', 'src', 'run-chaos.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...env,
      DATABASE_URL: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      KAFKA_BROKERS: env.KAFKA_BROKERS || broker.brokers,
      CHAOS_RESULTS_DIR: env.CHAOS_RESULTS_DIR || join(root, 'chaos', 'results'),
    },
  });
  status = result.status ?? 1;
} finally {
  await broker?.stop();
}
process.exit(status);
