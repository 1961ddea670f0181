import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@onewindow/platform';
import { startPlatformProcesses, type RunningPlatform } from '@onewindow/testing';
import { Client } from 'pg';
import { round } from '../measure';

export interface AdapterThroughput {
  adapterId: string;
  transport: string;
  deliveries: number;
  seconds: number;
  deliveriesPerMinute: number;
  msPerDelivery: number;
}

export interface BrowserAdapterBenchResult {
  /** Browser contexts of the 人社局 adapter at once. */
  pool: number;
  /** The 人社局 web system typed into by headless chromium (行为模拟), after a warm-up (browser start, login). */
  browser: AdapterThroughput;
  /** The 卫健委 GBK XML file drop, same bridge process, same way of queueing. */
  fileDrop: AdapterThroughput;
}

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'apps', 'bridge', 'src', 'demo', 'testing');
const BROWSER = { adapterId: 'dcf-rsj-shbx', department: 'DCF-RSJ', item: 'DCF-RS-DJ-002' };
const FILE = { adapterId: 'dcf-wjw-wsxk', department: 'DCF-WJW', item: 'DCF-WJW-XK-003' };

/**
 * Deliveries per minute through the bridge's browser adapter (a pool of 2 contexts) beside its
 * file drop: the built bridge as its own process with the demo department systems (its 人社局 web
 * system in the same process), deliveries queued straight in its table as the accepted-application
 * handler queues them, timed until every one is sent (the file written; the case typed in and its
 * 业务流水号 read back), then checked in the 人社局 system's own store.
 */
export async function benchBrowserAdapter(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  deliveries: number;
}): Promise<BrowserAdapterBenchResult> {
  const demoFolder = mkdtempSync(join(tmpdir(), 'onewindow-bench-browser-'));
  const platform = await startPlatformProcesses({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    label: 'browser',
    only: ['bridge'],
    seedDemoData: [],
    // Development: the bridge starts its demo department systems, the 人社局 one among them.
    env: {
      NODE_ENV: 'development',
      BRIDGE_DEMO_SYSTEMS: 'true',
      BRIDGE_POLL_INTERVAL_MS: '50',
      BRIDGE_DEMO_FOLDER: demoFolder,
      BRIDGE_DATA_FOLDER: join(demoFolder, 'data'),
    },
  });
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const schema = platform.schemas.bridge;
    const rsjPart = JSON.parse(readFileSync(join(fixtures, 'rsj.delivery.json'), 'utf8')) as Record<string, unknown>;
    const healthPart = {
      ...(JSON.parse(readFileSync(join(fixtures, 'delivery.json'), 'utf8')) as Record<string, unknown>),
      itemCode: FILE.item,
      itemName: '公共场所卫生许可',
      department: { code: FILE.department, name: '东昌府区卫生健康委员会' },
      form: JSON.parse(readFileSync(join(fixtures, 'health.form.json'), 'utf8')) as unknown,
    };
    const fileDrop = await timeDeliveries(client, schema, FILE, healthPart, options.deliveries, 'file');
    // Warm-up: the browser starts and logs in once.
    await timeDeliveries(client, schema, BROWSER, rsjPart, 2, 'browser');
    const browser = await timeDeliveries(client, schema, BROWSER, rsjPart, options.deliveries, 'browser');
    await expectTypedIn(platform, options.deliveries + 2);
    return { pool: 2, browser, fileDrop };
  } finally {
    await client.end();
    await platform.stop();
    const cleanup = new Client({ connectionString: options.databaseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP SCHEMA IF EXISTS "${platform.schemas.bridge}_demo_xfjy" CASCADE`).finally(() => cleanup.end());
    rmSync(demoFolder, { recursive: true, force: true });
  }
}

async function timeDeliveries(
  client: Client,
  schema: string,
  target: { adapterId: string; department: string; item: string },
  part: Record<string, unknown>,
  count: number,
  transport: string,
): Promise<AdapterThroughput> {
  const ids: string[] = [];
  const started = performance.now();
  await client.query('BEGIN');
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const partId = randomUUID();
    const applicationNumber = `YC20261207${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    ids.push(id);
    await client.query(
      `INSERT INTO "${schema}".department_delivery (id, application_id, application_number, part_id, department_code, item_code, kind, status, attempts, adapter_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6, 'application', 'pending', 0, $7, $8)`,
      [
        id,
        randomUUID(),
        applicationNumber,
        partId,
        target.department,
        target.item,
        target.adapterId,
        JSON.stringify({ ...part, partId, applicationNumber }),
      ],
    );
  }
  await client.query('COMMIT');
  const deadline = performance.now() + Math.max(120_000, count * 30_000);
  for (;;) {
    const { rows } = await client.query<{ status: string; count: number; error: string | null }>(
      `SELECT status, count(*)::int AS count, max(last_error) AS error FROM "${schema}".department_delivery WHERE id = ANY($1) GROUP BY status`,
      [ids],
    );
    const failed = rows.find((r) => r.status === 'failed');
    if (failed) throw new Error(`${target.adapterId}: ${failed.count} deliveries failed: ${failed.error ?? ''}`);
    const done = rows.filter((r) => r.status === 'sent' || r.status === 'acknowledged').reduce((sum, r) => sum + r.count, 0);
    if (done === count) break;
    if (performance.now() > deadline)
      throw new Error(`${target.adapterId}: ${done}/${count} sent before the deadline (${JSON.stringify(rows)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    adapterId: target.adapterId,
    transport,
    deliveries: count,
    seconds: round(seconds, 1),
    deliveriesPerMinute: round((count / seconds) * 60, 1),
    msPerDelivery: round((seconds * 1000) / count, 0),
  };
}

/** Every delivery is a case in the 人社局 system's own store, typed by its clerk's account. */
async function expectTypedIn(platform: RunningPlatform, count: number): Promise<void> {
  const token = issueToken(
    { id: 'bench-integrator', name: '基准测试', role: 'integrator', department: BROWSER.department },
    platform.secret,
  );
  const response = await fetch(`${platform.urls.bridge}/demo/department-systems/social-insurance/cases`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const cases = (await response.json()) as Array<{ staff: unknown[] }>;
  if (!Array.isArray(cases) || cases.length !== count || cases.some((c) => c.staff.length !== 2)) {
    throw new Error(
      `the 人社局 system holds ${Array.isArray(cases) ? cases.length : JSON.stringify(cases)} cases, expected ${count} with 2 staff each`,
    );
  }
}
