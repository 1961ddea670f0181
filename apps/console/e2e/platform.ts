import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The platform the browser tests drive: every service behind the console's one address, with
 * the demo accounts. Until the shared test platform with the gateway exists, this runs the built
 * embedded default (`dist/embedded/main.js`) as its own process in a throwaway data folder.
 */
export interface ConsolePlatform {
  baseUrl: string;
  stop(): Promise<void>;
}

const root = resolve(__dirname, '..', '..', '..');

export async function startConsolePlatform(): Promise<ConsolePlatform> {
  // While working on the console: `CONSOLE_E2E_URL=http://127.0.0.1:3000` drives a platform already running (`npm start`).
  const running = process.env['CONSOLE_E2E_URL'];
  if (running) return { baseUrl: running, stop: async () => undefined };
  for (const built of ['dist/embedded/main.js', 'dist/console/index.html']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: build first (npm test builds; or nx run-many -t build -p embedded console)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-console-e2e-'));
  const portOffset = 20_000 + Math.floor(Math.random() * 20_000);
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'embedded', 'main.js')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ONEWINDOW_DATA_DIR: dataDir, ONEWINDOW_PORT_OFFSET: String(portOffset), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the platform was not ready within 150 s:\n${output}`)), 150_000);
    child.once('exit', (code) => fail(new Error(`the platform exited with ${code}:\n${output}`)));
    child.stdout?.on('data', () => {
      if (output.includes('OneWindow is ready')) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${3000 + portOffset}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
