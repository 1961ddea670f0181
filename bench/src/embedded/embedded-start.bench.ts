import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from '../measure';
import { findFreePort } from '../../../tools/kafka/broker';

/** One step of the start as the platform reports it (time, and its resident memory after the step). */
export interface StartPhase {
  phase: string;
  ms: number;
  residentMiB: number;
}

/** One start, until every service answers /health/ready. */
export interface StartFigures {
  readyMs: number;
  /** Resident memory of the platform process once ready, in MiB. */
  residentMiB: number;
  /** The platform process's own peak (VmHWM), in MiB. */
  peakResidentMiB: number;
  /** The peak of the whole process tree, sampled every 50 ms: `npm start` itself, its builds, initdb's child process. */
  peakTreeMiB: number;
  /** Lines written to the terminal until ready (banner included), at the default log level. */
  outputLines: number;
  /** Where the start spent its time and memory (absent for `npm start`, which runs at the default log level). */
  phases?: StartPhase[];
}

export interface EmbeddedStartResult {
  /** First start: empty data folder, migrations and demo data. */
  firstStartMs: number;
  /** Second start on the same data. */
  restartMs: number;
  /** Resident memory of the one process once ready (after the second start), in MiB. */
  residentMiB: number;
  /** Peak resident memory over both starts, in MiB. */
  peakResidentMiB: number;
  /** `node dist/embedded/main.js` on an empty data folder, then again on the same data. */
  firstStart: StartFigures;
  restart: StartFigures;
  /**
   * `npm start` (tools/scripts/start.mjs) as on a fresh clone: dist/embedded and dist/console
   * removed and Nx's cache skipped, so both builds run; an empty data folder.
   */
  npmStartFreshBuild: StartFigures;
  /** `npm start` again on the same data, the builds up to date. */
  npmStartRestart: StartFigures;
}

const root = join(__dirname, '..', '..', '..');
const MiB = 1024 * 1024;

/**
 * The embedded default's start, four times: the built launcher on an empty data folder and again
 * on the same data, then `npm start` from a fresh build and as a restart. The `npm start` runs
 * remove dist/embedded and dist/console and rebuild them (the harness built them just before).
 */
export async function benchEmbeddedStart(): Promise<EmbeddedStartResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-bench-embedded-'));
  const npmDataDir = mkdtempSync(join(tmpdir(), 'onewindow-bench-npm-start-'));
  try {
    const launcher = [join(root, 'dist', 'embedded', 'main.js')];
    const firstStart = await startOnce(launcher, dataDir, { debugPhases: true });
    const restart = await startOnce(launcher, dataDir, { debugPhases: true });
    for (const built of ['embedded', 'console']) rmSync(join(root, 'dist', built), { recursive: true, force: true });
    const startScript = [join(root, 'tools', 'scripts', 'start.mjs')];
    const npmStartFreshBuild = await startOnce(startScript, npmDataDir, { extraEnv: { NX_SKIP_NX_CACHE: 'true' } });
    const npmStartRestart = await startOnce(startScript, npmDataDir, {});
    return {
      firstStartMs: firstStart.readyMs,
      restartMs: restart.readyMs,
      residentMiB: restart.residentMiB,
      peakResidentMiB: Math.max(firstStart.peakResidentMiB, restart.peakResidentMiB),
      firstStart,
      restart,
      npmStartFreshBuild,
      npmStartRestart,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(npmDataDir, { recursive: true, force: true });
  }
}

async function startOnce(
  command: string[],
  dataDir: string,
  options: { debugPhases?: boolean; extraEnv?: Record<string, string> },
): Promise<StartFigures> {
  // Four consecutive free ports: the launcher puts intake, approval, supervision and bridge at 3001–3004 + offset.
  const offset = ((await findFreePort()) % 20_000) + 20_000;
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      ONEWINDOW_DATA_DIR: dataDir,
      ONEWINDOW_PORT_OFFSET: String(offset),
      ...(options.debugPhases ? { LOG_LEVEL: 'debug' } : {}),
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let peakTreeKiB = 0;
  const sampler = setInterval(() => (peakTreeKiB = Math.max(peakTreeKiB, treeResidentKiB(child.pid ?? 0))), 50);
  try {
    const urls = [3001, 3002, 3003, 3004].map((port) => `http://127.0.0.1:${port + offset}/health/ready`);
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error('the embedded platform exited during start-up');
      if (Date.now() > deadline) throw new Error('the embedded platform was not ready within 300 s');
      const ready = await Promise.all(
        urls.map((url) =>
          fetch(url).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      if (ready.every(Boolean)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const readyMs = performance.now() - started;
    // `npm start` runs the platform as its child: the figures are that process's.
    const platformPid = findPlatformPid(child.pid ?? 0);
    const status = readFileSync(`/proc/${platformPid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    peakTreeKiB = Math.max(peakTreeKiB, treeResidentKiB(child.pid ?? 0));
    // The banner (and the phases line before it) is written once the platform's start returns, a
    // moment after the services answer: wait for it, at most 10 s.
    for (let waited = 0; !output.includes('OneWindow is ready') && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const phasesLine = /start phases (\[.*\])/.exec(output)?.[1];
    return {
      readyMs: round(readyMs, 0),
      residentMiB: round((kib('VmRSS') * 1024) / MiB, 1),
      peakResidentMiB: round((kib('VmHWM') * 1024) / MiB, 1),
      peakTreeMiB: round((peakTreeKiB * 1024) / MiB, 1),
      outputLines: output.split('\n').filter((line) => line.trim() !== '').length,
      ...(phasesLine ? { phases: JSON.parse(phasesLine) as StartPhase[] } : {}),
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await exited;
  }
}

/** The launcher itself (`dist/embedded/main.js`), or the process `npm start` runs it in. */
function findPlatformPid(pid: number): number {
  if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/embedded/main.js')) return pid;
  const child = childrenOf(pid).find((candidate) => readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes('dist/embedded/main.js'));
  if (child === undefined) throw new Error('npm start runs no dist/embedded/main.js');
  return child;
}

function treeResidentKiB(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return rss + childrenOf(pid).reduce((sum, child) => sum + treeResidentKiB(child), 0);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((task) => {
    try {
      return readFileSync(`${tasks}/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}
