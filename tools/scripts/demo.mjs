#!/usr/bin/env node
// `npm run demo`: one application through the running platform (start it first with `npm start`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!existsSync(join(root, 'dist', 'embedded', 'demo.js'))) {
  spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['run', 'embedded:build', '--outputStyle=static'], { cwd: root, stdio: 'inherit' });
}
const run = spawnSync(process.execPath, [join(root, 'dist', 'embedded', 'demo.js')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
