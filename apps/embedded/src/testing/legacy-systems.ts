import { join } from 'node:path';

/** The demo 人社局 system as a test drives it: its store, its clerk's decisions, its upgrades. */
export interface LegacySocialInsuranceSystem {
  url: string;
  account: { username: string; password: string };
  cases(): Array<{
    ywlsh: string;
    unit: Record<string, string>;
    xz: string[];
    staff: Array<Record<string, string>>;
    status: string;
    djzh?: string;
    reason?: string;
    operator: string;
  }>;
  decide(ywlsh: string, decision: { approve: true; djzh: string; at: string } | { approve: false; reason: string; at: string }): unknown;
  relabel(from: string, to: string): void;
  logoutEveryone(): void;
  stop(): Promise<void>;
}

export interface LegacySocialInsuranceDemo {
  startSocialInsuranceSystem(): Promise<LegacySocialInsuranceSystem>;
  socialInsuranceAdapter(options: {
    url: string;
    credentialsFile: string;
    chromiumPath?: string;
    pool?: number;
    stepTimeoutMs?: number;
    pollIntervalMs?: number;
    maxAttempts?: number;
    backoffMs?: number;
    unitNameLabel?: string;
  }): Record<string, unknown>;
  socialInsuranceForm(overrides?: Record<string, unknown>): Record<string, unknown>;
}

/**
 * A department's web system runs apart from the platform: a suite starts the bridge's demo one
 * on its own (to change its pages, and to keep it running while the bridge restarts), loaded at
 * run time like the services themselves (see service-registry.ts), never imported.
 */
export function loadSocialInsuranceDemo(): LegacySocialInsuranceDemo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time on purpose (see above)
  return require(join(__dirname, '..', '..', '..', 'bridge', 'src', 'demo', 'rsj')) as LegacySocialInsuranceDemo;
}
