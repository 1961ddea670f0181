import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..', '..');

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown hooks, no flush — a crash. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<number | null>;
}

/** Starts a built service as its own OS process, exactly as operators run it: `node dist/<name>/main.js`. */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  logFile: string,
  options: { nodeArguments?: string[]; /** How long it may take to answer ready (default 60 s). */ readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const main = join(root, 'dist', name, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build, or node tools/scripts/build-app.mjs ${name})`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), main, 'serve'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Two sources share one log: neither may end it, or the other's last lines would be written after its end.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('close', (code) => {
      log.end();
      resolveExit(code);
    }),
  );
  const url = `http://127.0.0.1:${env['HTTP_PORT']}`;
  try {
    await waitUntilReady(url, exited, logFile, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    // A process that was not ready in time must not live on unowned (it kept the bench's event loop alive, writing into dropped schemas).
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    throw error;
  }
  return {
    name,
    url,
    child,
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function waitUntilReady(url: string, exited: Promise<number | null>, logFile: string, timeoutMs: number): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The service at ${url} exited during start-up; see ${logFile}`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The service at ${url} was not ready within ${Math.round(timeoutMs / 1000)} s; see ${logFile}`);
}
