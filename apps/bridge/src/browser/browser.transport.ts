import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SettingsReader } from '../adapters/settings';
import {
  TransportError,
  type InboundItem,
  type OutboundTransport,
  type PolledSource,
  type SettingProblem,
  type TransportContext,
  type TransportKind,
} from '../adapters/transport';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { BrowserPool, DEFAULT_CHROMIUM_PATH } from './browser-pool';
import { BrowserStepFailure, redact, runSteps, type Credentials, type RunOptions } from './browser-runner';
import { parseSteps, StepPlanError, type BrowserStep, type Target } from './browser-steps';

/** The settings of a `browser` transport, as validated. */
export interface BrowserSettings {
  baseUrl: string;
  chromiumPath: string;
  headless: boolean;
  /** Browser contexts at once for this adapter (default 2). */
  pool: number;
  stepTimeoutMs: number;
  credentials?: { file: string } | { usernameEnv: string; passwordEnv: string };
  login?: { when: Target; steps: BrowserStep[] };
  steps: BrowserStep[];
  /** Inbound: the record field the query steps read the department's case number from (default caseNumber). */
  /** Inbound: a status read that means "not decided yet": nothing is published. */
  pending?: { field: string; values: string[] };
  /** Inbound: how often one case is looked at again (default 60 s). */
  pollIntervalMs: number;
}

export function readBrowserSettings(
  settings: Record<string, unknown>,
  path: string,
): { value: BrowserSettings; problems: SettingProblem[] } {
  const reader = new SettingsReader(settings, path);
  // Built without a path at run time: step paths then read `steps[3]`, as a dead letter names them.
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const problems = reader.problems;
  const baseUrl = reader.string('baseUrl', { pattern: /^https?:\/\/\S+$/, hint: '必须是部门系统的 http(s) 地址' }) ?? 'http://invalid';
  const chromiumPath = reader.string('chromiumPath', { optional: true }) ?? DEFAULT_CHROMIUM_PATH;
  const headless = settings['headless'] === undefined ? true : settings['headless'] === true;
  if (settings['headless'] !== undefined && typeof settings['headless'] !== 'boolean')
    problems.push({ path: `${path}.headless`, message: '必须是 true 或 false' });
  const pool = reader.integer('pool', 1, 16) ?? 2;
  const stepTimeoutMs = reader.integer('stepTimeoutMs', 100, 300_000) ?? 10_000;
  const pollIntervalMs = reader.integer('pollIntervalMs', 100, 86_400_000) ?? 60_000;
  let credentials: BrowserSettings['credentials'];
  const c = settings['credentials'];
  if (c !== undefined) {
    const record = typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
    if (typeof record['file'] === 'string' && record['file'] !== '' && Object.keys(record).length === 1)
      credentials = { file: record['file'] };
    else if (typeof record['usernameEnv'] === 'string' && typeof record['passwordEnv'] === 'string' && Object.keys(record).length === 2)
      credentials = { usernameEnv: record['usernameEnv'], passwordEnv: record['passwordEnv'] };
    // Credentials are never written in the adapters file itself.
    else
      problems.push({
        path: `${path}.credentials`,
        message: '必须是 { file: <存放用户名和密码的密钥文件> } 或 { usernameEnv, passwordEnv }（不能直接写用户名和密码）',
      });
  }
  let login: BrowserSettings['login'];
  if (settings['login'] !== undefined) {
    const l = typeof settings['login'] === 'object' && settings['login'] !== null ? (settings['login'] as Record<string, unknown>) : {};
    const whenProblems: SettingProblem[] = [];
    const parsedWhen = parseSteps([{ waitFor: l['when'] }], `${path}.login.when`, whenProblems)[0]?.target;
    problems.push(...whenProblems.map((p) => ({ ...p, path: p.path.replace(/\[0\]\.waitFor/, '') })));
    const steps = parseSteps(l['steps'], at('login.steps'), problems);
    if (!credentials) problems.push({ path: `${path}.credentials`, message: '登录需要配置 credentials 凭据' });
    if (parsedWhen) login = { when: parsedWhen, steps };
  }
  const steps = parseSteps(settings['steps'], at('steps'), problems);
  let pending: BrowserSettings['pending'];
  if (settings['pending'] !== undefined) {
    const p = settings['pending'] as Record<string, unknown>;
    if (
      typeof p !== 'object' ||
      p === null ||
      typeof p['field'] !== 'string' ||
      !Array.isArray(p['values']) ||
      p['values'].some((v) => typeof v !== 'string')
    ) {
      problems.push({ path: `${path}.pending`, message: '必须是 { field, values: [<表示尚未办结的状态>] }' });
    } else pending = { field: p['field'], values: p['values'] as string[] };
  }
  const known = [
    'kind',
    'baseUrl',
    'chromiumPath',
    'headless',
    'pool',
    'stepTimeoutMs',
    'pollIntervalMs',
    'credentials',
    'login',
    'steps',
    'pending',
  ];
  for (const key of Object.keys(settings))
    if (!known.includes(key)) problems.push({ path: `${path}.${key}`, message: `不是浏览器设置项（可用：${known.slice(1).join('、')}）` });
  return {
    value: {
      baseUrl,
      chromiumPath,
      headless,
      pool,
      stepTimeoutMs,
      pollIntervalMs,
      steps,
      ...(credentials ? { credentials } : {}),
      ...(login ? { login } : {}),
      ...(pending ? { pending } : {}),
    },
    problems,
  };
}

/** The login's username and password, from a secrets file or the environment; or why they cannot be had. */
export function loadCredentials(settings: BrowserSettings, environment: NodeJS.ProcessEnv): Credentials | { missing: string } | undefined {
  const source = settings.credentials;
  if (!source) return undefined;
  if ('file' in source) {
    try {
      const parsed = parseYaml(readFileSync(source.file, 'utf8')) as Record<string, unknown>;
      if (typeof parsed?.['username'] === 'string' && typeof parsed['password'] === 'string')
        return { username: parsed['username'], password: parsed['password'] };
      return { missing: `credentials file ${source.file} has no username and password` };
    } catch {
      return { missing: `credentials file ${source.file} cannot be read` };
    }
  }
  const username = environment[source.usernameEnv];
  const password = environment[source.passwordEnv];
  return username && password
    ? { username, password }
    : { missing: `credentials: ${source.usernameEnv} and ${source.passwordEnv} must be set` };
}

/** One pool per adapter, shared by its outbound steps and its result polling (one session). */
const pools = new Map<string, { pool: BrowserPool; users: number }>();

function poolFor(adapterId: string, settings: BrowserSettings): { pool: BrowserPool; release: () => Promise<void> } {
  let entry = pools.get(adapterId);
  if (!entry) {
    entry = { pool: new BrowserPool({ chromiumPath: settings.chromiumPath, headless: settings.headless, size: settings.pool }), users: 0 };
    pools.set(adapterId, entry);
  }
  entry.users += 1;
  const held = entry;
  return {
    pool: held.pool,
    release: async () => {
      held.users -= 1;
      if (held.users === 0) {
        if (pools.get(adapterId) === held) pools.delete(adapterId);
        await held.pool.close();
      }
    },
  };
}

/** A browser adapter's shared machinery: pool, credentials, run options. */
class BrowserSession {
  readonly pool: BrowserPool;
  readonly release: () => Promise<void>;
  private readonly credentials: Credentials | { missing: string } | undefined;

  constructor(
    readonly settings: BrowserSettings,
    readonly context: TransportContext,
  ) {
    ({ pool: this.pool, release: this.release } = poolFor(context.adapterId, settings));
    // The adapters file names where the secrets are; they are read here, once, and only typed into the login form.
    // eslint-disable-next-line no-restricted-syntax -- the variable's name is configuration in the adapters file, its value a secret kept out of the config
    this.credentials = loadCredentials(settings, process.env);
  }

  unavailable(): string | null {
    const missing = this.pool.unavailable();
    if (missing) return `unavailable: ${missing}`;
    if (this.credentials && 'missing' in this.credentials) return `unavailable: ${this.credentials.missing}`;
    return null;
  }

  run(record: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
    const credentials = this.credentials && !('missing' in this.credentials) ? this.credentials : undefined;
    return this.pool.use(async (browserContext, keepSession) => {
      const page = await browserContext.newPage();
      return runSteps(page, this.settings.steps, record, {
        baseUrl: this.settings.baseUrl,
        stepTimeoutMs: this.settings.stepTimeoutMs,
        ...(credentials ? { credentials } : {}),
        ...(this.settings.login ? { login: this.settings.login } : {}),
        onLogin: keepSession,
        artifactsFolder: join(this.context.dataFolder ?? join(tmpdir(), 'onewindow-bridge-data'), 'browser-failures'),
        ...extra,
      });
    });
  }

  /** A failure as the delivery worker knows them: step and field named, retryable or not; never a secret in it. */
  toTransportError(error: unknown): TransportError {
    const credentials = this.credentials && !('missing' in this.credentials) ? this.credentials : undefined;
    if (error instanceof BrowserStepFailure)
      return new TransportError(error.message, error.retryable, error.field, error.code, error.stepPath);
    if (error instanceof StepPlanError) return new TransportError(error.message, false, error.field, 'field_missing', error.stepPath);
    return new TransportError(
      redact(`浏览器执行失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, credentials),
      true,
    );
  }
}

/**
 * 行为模拟 out: types the mapped record into the department's web form as its clerk would. The
 * case number the system answers (a `read` into `caseNumber`) becomes the part's department case
 * number, which the result polling looks up.
 */
export class BrowserOutboundTransport implements OutboundTransport {
  private readonly session: BrowserSession;
  readonly concurrency: number;

  constructor(settings: BrowserSettings, context: TransportContext) {
    this.session = new BrowserSession(settings, context);
    this.concurrency = settings.pool;
  }

  unavailable(): string | null {
    return this.session.unavailable();
  }

  async send(record: Record<string, unknown>) {
    const missing = this.unavailable();
    if (missing) throw new TransportError(missing, true, undefined, 'browser_unavailable');
    try {
      const { reads } = await this.session.run(record);
      const caseNumber = typeof reads['caseNumber'] === 'string' && reads['caseNumber'] !== '' ? reads['caseNumber'] : undefined;
      return { acknowledged: caseNumber !== undefined, ...(caseNumber ? { reference: caseNumber, caseNumber } : {}) };
    } catch (error) {
      throw this.session.toTransportError(error);
    }
  }

  close(): Promise<void> {
    return this.session.release();
  }
}

/**
 * 结果查询 by looking: for each part sent to the system and still without a result, opens its
 * query page with the case number and reads the status; a decided one becomes a record for the
 * result mapping (its own case number as `caseNumber`), a pending one is looked at again later.
 */
export class BrowserResultSource implements PolledSource {
  private readonly session: BrowserSession;
  private readonly lastLooked = new Map<string, number>();
  private readonly handedOver = new Set<string>();
  private readonly deliveries: DeliveryRepository;

  constructor(
    settings: BrowserSettings,
    private readonly context: TransportContext,
  ) {
    this.session = new BrowserSession(settings, context);
    this.deliveries = new DeliveryRepository(context.dataSource);
  }

  unavailable(): string | null {
    return this.session.unavailable();
  }

  async poll(limit: number): Promise<InboundItem[]> {
    if (this.unavailable()) return [];
    const now = performance.now();
    const waiting = await this.deliveries.listAwaitingResult(this.context.adapterId);
    const due = waiting
      .filter(
        (d) =>
          !this.handedOver.has(d.departmentCaseNumber as string) &&
          now - (this.lastLooked.get(d.departmentCaseNumber as string) ?? -Infinity) >= this.session.settings.pollIntervalMs,
      )
      .slice(0, limit);
    const looked = await Promise.all(
      due.map(async (delivery) => {
        const caseNumber = delivery.departmentCaseNumber as string;
        this.lastLooked.set(caseNumber, performance.now());
        try {
          const { reads } = await this.session.run({ caseNumber, applicationNumber: delivery.applicationNumber, partId: delivery.partId });
          const pending = this.session.settings.pending;
          if (pending && pending.values.includes(String(reads[pending.field] ?? ''))) return undefined;
          const record = { caseNumber, ...reads };
          const item: InboundItem = {
            reference: `${caseNumber}（结果查询）`,
            raw: JSON.stringify(record),
            decoded: { ok: true, records: [record] },
            done: async (outcome) => {
              // A record refused (dead-lettered) is not read again until the bridge restarts or it is replayed.
              if (outcome === 'failed') this.handedOver.add(caseNumber);
            },
          };
          return item;
        } catch {
          // Looked at again at the next interval; the outbound side reports failures of the system.
          return undefined;
        }
      }),
    );
    return looked.filter((item): item is InboundItem => item !== undefined);
  }

  close(): Promise<void> {
    return this.session.release();
  }
}

export const browserTransportKind: TransportKind = {
  kind: 'browser',
  check: (settings, path, direction) => {
    const { value, problems } = readBrowserSettings(settings, path);
    if (direction === 'inbound' && value.pending === undefined)
      problems.push({ path: `${path}.pending`, message: '结果查询需要写明表示尚未办结的状态：{ field, values }' });
    if (direction === 'outbound' && value.pending !== undefined)
      problems.push({ path: `${path}.pending`, message: '只用于结果查询（inbound）' });
    return problems;
  },
  outbound: (settings, context) => new BrowserOutboundTransport(readBrowserSettings(settings, '').value, context),
  inbound: (settings, context) => new BrowserResultSource(readBrowserSettings(settings, '').value, context),
};
