#!/usr/bin/env node
// `npm start`: builds the embedded launcher and the console (both cached by Nx) and runs the whole
// platform in one process, the console at http://127.0.0.1:3000. Arguments pass through:
// `npm start -- --reset` starts with empty databases.
//
// A restart skips Nx altogether when nothing the builds read has changed since the last build
// (a hash of their sources, kept in dist/.start-sources): starting Nx twice to hear "cached" took
// seconds of a restart.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nx = join(root, 'node_modules', '.bin', 'nx');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const stampFile = join(root, 'dist', '.start-sources');
const built = [join(root, 'dist', 'embedded', 'main.js'), join(root, 'dist', 'console', 'index.html')];

const sources = sourcesHash();
const upToDate = built.every((file) => existsSync(file)) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sources;
if (!upToDate) {
  const build = spawnSync(nx, ['run', 'embedded:build', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  // The console is served from dist/console; a fresh clone builds it here (later starts hit Nx's cache).
  let consoleBuilt = true;
  if (existsSync(join(root, 'apps', 'console', 'project.json'))) {
    const consoleBuild = spawnSync(nx, ['run', 'console:build', '--outputStyle=static'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    if (consoleBuild.status !== 0) {
      consoleBuilt = false;
      process.stderr.write(
        '\nThe console did not build: the APIs start anyway, and http://127.0.0.1:3000 says so. Fix the build, then run `npx nx run console:build`.\n\n',
      );
    }
  }
  // Only a complete build is remembered, so that a failed console build is tried again next time.
  if (consoleBuilt) writeFileSync(stampFile, sources);
}

const child = spawn(process.execPath, [join(root, 'dist', 'embedded', 'main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

/**
 * What the two builds read (Nx's "production" inputs of the apps and libs, the shared settings
 * and the build script itself), as one hash of paths and contents: about 5 MB, read in well under
 * a second. Contents rather than modification times, which a checkout or a copy rewrites.
 */
function sourcesHash() {
  const hash = createHash('sha256');
  const files = [
    ...['apps', 'libs'].flatMap((folder) => walk(join(root, folder))),
    ...['tsconfig.base.json', 'package-lock.json', '.swcrc', 'tools/scripts/build-app.mjs'].map((file) => join(root, file)),
  ];
  for (const file of files.filter((f) => existsSync(f)).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function walk(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', '.vite', 'test-results'].includes(entry.name) ? [] : walk(path);
    return /\.(spec|int-spec)\.ts$|README\.md$/.test(entry.name) ? [] : [path];
  });
}
