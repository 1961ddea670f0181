import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from '../measure';
import { findFreePort } from '../../../tools/kafka/broker';

export interface EmbeddedStartResult {
  /** First start: empty data folder, migrations and demo data. */
  firstStartMs: number;
  /** Second start on the same data. */
  restartMs: number;
  /** Resident memory of the one process once ready (after the second start), in MiB. */
  residentMiB: number;
  /** Peak resident memory over both starts, in MiB. */
  peakResidentMiB: number;
}

const root = join(__dirname, '..', '..', '..');

/** `node dist/embedded/main.js` (what `npm start` runs after its build) until every service answers /health/ready. */
export async function benchEmbeddedStart(): Promise<EmbeddedStartResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-bench-embedded-'));
  try {
    const first = await startOnce(dataDir);
    const second = await startOnce(dataDir);
    return {
      firstStartMs: round(first.readyMs, 0),
      restartMs: round(second.readyMs, 0),
      residentMiB: round(second.residentKiB / 1024, 1),
      peakResidentMiB: round(Math.max(first.peakKiB, second.peakKiB) / 1024, 1),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startOnce(dataDir: string): Promise<{ readyMs: number; residentKiB: number; peakKiB: number }> {
  // Four consecutive free ports: the launcher puts intake, approval, supervision and bridge at 3001–3004 + offset.
  const offset = (await findFreePort()) % 20_000 + 20_000;
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'embedded', 'main.js')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ONEWINDOW_DATA_DIR: dataDir, ONEWINDOW_PORT_OFFSET: String(offset), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const urls = [3001, 3002, 3003, 3004].map((port) => `http://127.0.0.1:${port + offset}/health/ready`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error('the embedded platform exited during start-up');
      if (Date.now() > deadline) throw new Error('the embedded platform was not ready within 120 s');
      const ready = await Promise.all(urls.map((url) => fetch(url).then((r) => r.ok, () => false)));
      if (ready.every(Boolean)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const readyMs = performance.now() - started;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { readyMs, residentKiB: kib('VmRSS'), peakKiB: kib('VmHWM') };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
