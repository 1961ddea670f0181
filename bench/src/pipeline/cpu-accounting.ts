import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

interface ProcessTicks {
  comm: string;
  ticks: number;
}

/**
 * CPU time spent by every process on the machine between two snapshots, grouped: the services by
 * their pids, this driver, PostgreSQL (every `postgres` backend) and the Kafka broker (`java`).
 * A process that exits between the snapshots is lost, which is why both snapshots are taken while
 * the platform runs. Linux only: elsewhere `available` is false and nothing is reported.
 */
export class CpuAccounting {
  private before = new Map<number, ProcessTicks>();

  constructor(private readonly groups: Record<string, number>) {}

  static get available(): boolean {
    try {
      readFileSync('/proc/self/stat', 'utf8');
      return true;
    } catch {
      return false;
    }
  }

  start(): void {
    this.before = snapshot();
  }

  /** Milliseconds of CPU per group since start(), with everything else under `other`; `startedSince` names processes started after start() (all their CPU counts). */
  stop(startedSince: Record<string, number> = {}): Record<string, number> {
    const after = snapshot();
    const groups = { ...this.groups, ...startedSince };
    const byPid = new Map(Object.entries(groups).map(([group, pid]) => [pid, group]));
    const totals: Record<string, number> = {
      ...Object.fromEntries(Object.keys(groups).map((g) => [g, 0])),
      postgres: 0,
      kafka: 0,
      other: 0,
    };
    for (const [pid, now] of after) {
      const spent = now.ticks - (this.before.get(pid)?.ticks ?? 0);
      if (spent <= 0) continue;
      const group = byPid.get(pid) ?? (now.comm === 'postgres' ? 'postgres' : now.comm === 'java' ? 'kafka' : 'other');
      totals[group] = (totals[group] ?? 0) + (spent * 1000) / TICKS_PER_SECOND;
    }
    return totals;
  }
}

function snapshot(): Map<number, ProcessTicks> {
  const result = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // comm is in parentheses and may hold spaces: the fields after it start at the last ')'.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
      result.set(Number(entry), { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process exited while we looked
    }
  }
  return result;
}
