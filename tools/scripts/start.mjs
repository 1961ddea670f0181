#!/usr/bin/env node
// `npm start`: builds the embedded launcher and the console (both cached by Nx) and runs the whole
// platform in one process, the console at http://127.0.0.1:3000. Arguments pass through:
// `npm start -- --reset` starts with empty databases.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nx = join(root, 'node_modules', '.bin', 'nx');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

const build = spawnSync(nx, ['run', 'embedded:build', '--outputStyle=static'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
if (build.status !== 0) process.exit(build.status ?? 1);

// The console is served from dist/console; a fresh clone builds it here (later starts hit Nx's cache).
if (existsSync(join(root, 'apps', 'console', 'project.json'))) {
  const consoleBuild = spawnSync(nx, ['run', 'console:build', '--outputStyle=static'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (consoleBuild.status !== 0) {
    process.stderr.write('\nThe console did not build: the APIs start anyway, and http://127.0.0.1:3000 says so. Fix the build, then run `npx nx run console:build`.\n\n');
  }
}

const child = spawn(process.execPath, [join(root, 'dist', 'embedded', 'main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
