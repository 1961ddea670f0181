#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest.
//   1. the layout check (Prettier, configured in .prettierrc.json; `npm run format` fixes it), lint
//      (module boundaries and type-aware rules included) and strict type-check of every project
//   2. build every service (the multi-process tests run the built dist/<service>/main.js) and the
//      console (dist/console, served by the embedded gateway the browser tests drive)
//   3. the console's component tests (Vitest)
//   4. jest: unit tests, then integration tests against a real Kafka broker (started by jest's
//      global setup from the Maven Central artifacts) and the PostgreSQL in DATABASE_URL, the
//      console's browser tests among them (Debian's chromium through playwright-core)
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

// A hung test must fail the run, never stall CI: each step has a hard limit.
const MINUTE = 60_000;

function step(title, command, args, limitMs) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, timeout: limitMs, killSignal: 'SIGKILL' });
  if (result.error && result.error.code === 'ETIMEDOUT') {
    process.stdout.write(`\n✖ ${title} was stopped after its limit of ${limitMs / MINUTE} min\n`);
    process.exit(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${title} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${title} (${seconds} s)\n`);
}

const nx = join(root, 'node_modules', '.bin', 'nx');
step(
  'layout (Prettier)',
  join(root, 'node_modules', '.bin', 'prettier'),
  ['--check', '--log-level', 'warn', '**/*.{ts,mts,cts,js,mjs,cjs,vue,css}'],
  5 * MINUTE,
);
step('lint and type-check', nx, ['run-many', '-t', 'lint', 'typecheck', '--outputStyle=static', '--parallel=2'], 15 * MINUTE);
step('build the services and the console', nx, ['run-many', '-t', 'build', '--outputStyle=static', '--parallel=2'], 5 * MINUTE);
step('console component tests', nx, ['run', 'console:test', '--outputStyle=static'], 5 * MINUTE);
// PGlite (the embedded PostgreSQL) loads its WebAssembly through a dynamic import, which jest's
// CommonJS runtime only allows with VM modules enabled.
step(
  'jest: unit and integration tests',
  process.execPath,
  [
    '--experimental-vm-modules',
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    // Suites close what they open; this only keeps a leaked client from holding the run open.
    '--forceExit',
    // Two workers even on a two-core machine (jest's default there is one): the integration suites
    // spend most of their time waiting on Kafka rebalances, the browser and timers, so two in turn
    // take 15 min where one at a time took 27 (2026-12-08, 139 suites). Every suite owns its schemas,
    // consumer groups and ports, so they may overlap.
    '--maxWorkers=2',
    ...process.argv.slice(2),
  ],
  24 * MINUTE,
);
