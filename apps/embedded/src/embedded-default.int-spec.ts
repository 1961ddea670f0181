/**
 * The newcomer's path: the start command runs every service in one process on embedded
 * PostgreSQL and the in-process bus, with demo data, behind the console's one address; data
 * survives a restart; --reset clears it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { runDemo } from './demo-walkthrough';

const root = resolve(__dirname, '..', '..', '..');
const secret = DEVELOPMENT_TOKEN_SECRET;
const portOffset = 20_000 + Math.floor(Math.random() * 20_000);
const consoleUrl = `http://127.0.0.1:${3000 + portOffset}`;
const urls = {
  intake: `http://127.0.0.1:${3001 + portOffset}`,
  approval: `http://127.0.0.1:${3002 + portOffset}`,
  supervision: `http://127.0.0.1:${3003 + portOffset}`,
};

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Starting five services on PGlite takes seconds on a quiet machine and minutes on a loaded one. */
const START_BOUND_MS = 150_000;

function startEmbedded(dataDir: string, args: string[] = []): Promise<Started> {
  const main = join(root, 'dist', 'embedded', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
  const child = spawn(process.execPath, [main, ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ONEWINDOW_DATA_DIR: dataDir, ONEWINDOW_PORT_OFFSET: String(portOffset), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveStart, reject) => {
    // A bound for a hung start, not a speed check; a start that never comes is stopped, so its ports are free for the next test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Not ready within ${START_BOUND_MS / 1000} s:\n${output}`));
    }, START_BOUND_MS);
    child.once('exit', (code) => reject(new Error(`Exited with ${code}:\n${output}`)));
    child.stdout?.on('data', () => {
      if (output.includes('OneWindow is ready')) {
        clearTimeout(timer);
        resolveStart({ child, output: () => output });
      }
    });
  });
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => started.child.once('exit', (code) => r(code)));
  started.child.kill('SIGTERM');
  return exited;
}

async function applicationCount(): Promise<number> {
  const clerk = issueToken({ id: 'c', name: '李受理', role: 'clerk' }, secret);
  const response = await fetch(`${urls.intake}/applications`, { headers: { authorization: `Bearer ${clerk}` } });
  return ((await response.json()) as { total: number }).total;
}

describe('the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-embedded-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'starts every service in one process behind the console address, prints it with the demo accounts, and runs the whole path',
    async () => {
      const started = await startEmbedded(dataDir);
      try {
        expect(started.output()).toContain(`控制台 console   ${consoleUrl}`);
        expect(started.output()).toMatch(/综合窗口 +lishouli +李受理 +东昌府区政务服务中心综合窗口/);
        expect(started.output()).toMatch(/审批 +wangshenpi +王审批 +东昌府区市场监督管理局/);
        for (const name of ['intake', 'approval', 'supervision', 'bridge', 'identity'])
          expect(started.output()).toContain(`${consoleUrl}/api/${name}/`);

        const signIn = await fetch(`${consoleUrl}/api/identity/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'lishouli', password: 'Demo@2026' }),
        });
        expect(signIn.status).toBe(201);
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const me = await fetch(`${consoleUrl}/api/identity/sessions/current`, { headers: { cookie } });
        expect(await me.json()).toMatchObject({ user: { username: 'lishouli', displayName: '李受理', role: 'clerk', level: 'district' } });

        // The running service serves the very document committed for the console's generated client.
        const docs = await fetch(`${consoleUrl}/api/intake/docs/openapi.json`);
        expect(await docs.json()).toEqual(JSON.parse(readFileSync(join(root, 'docs', 'openapi', 'intake.json'), 'utf8')));
        const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
        try {
          await runDemo(urls, secret);
        } finally {
          write.mockRestore();
        }
        expect(await applicationCount()).toBe(1);
      } finally {
        expect(await stop(started)).toBe(0);
      }
    },
    START_BOUND_MS + 60_000,
  );

  it(
    'keeps its data across a restart, and starts empty with --reset',
    async () => {
      const again = await startEmbedded(dataDir);
      try {
        expect(await applicationCount()).toBe(1);
      } finally {
        await stop(again);
      }
      const reset = await startEmbedded(dataDir, ['--reset']);
      try {
        expect(await applicationCount()).toBe(0);
        const catalogue = await fetch(`${urls.intake}/catalogue/items`);
        expect(((await catalogue.json()) as { total: number }).total).toBeGreaterThan(0);
      } finally {
        await stop(reset);
      }
    },
    3 * START_BOUND_MS,
  );
});
