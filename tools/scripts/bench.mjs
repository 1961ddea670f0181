#!/usr/bin/env node
// `npm run bench [-- mapping|embedded|pipeline|http ...]`: benchmarks, never part of `npm test`.
// Builds the services (the pipeline and start benchmarks run dist/*), starts a Kafka broker from the
// Maven Central artifacts, uses the PostgreSQL of DATABASE_URL, and writes bench/results/.
// BENCH_QUICK=1 makes every benchmark small (a smoke run); BENCH_APPLICATIONS, BENCH_CONCURRENCY,
// BENCH_ROUND_MS, BENCH_HTTP_SECONDS and BENCH_HTTP_CONNECTIONS size them one by one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startBroker } = require('../kafka/broker.js');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

const build = spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const broker = env.KAFKA_BROKERS ? null : await startBroker({ partitions: 3 });
let status = 1;
try {
  const result = spawnSync(process.execPath, ['-r', join(root, 'tools', 'scripts', 'register-ts.cjs'), join(root, 'bench', 'src', 'run-benchmarks.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...env,
      DATABASE_URL: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      KAFKA_BROKERS: env.KAFKA_BROKERS || broker.brokers,
      BENCH_RESULTS_DIR: env.BENCH_RESULTS_DIR || join(root, 'bench', 'results'),
    },
  });
  status = result.status ?? 1;
} finally {
  await broker?.stop();
}
process.exit(status);
