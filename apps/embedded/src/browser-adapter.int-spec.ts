/**
 * 行为模拟 end to end on real Kafka, real PostgreSQL and real headless chromium (Debian's package):
 * an application for 职工参保登记 accepted at the window is typed by the bridge into the 人社局's
 * web system, which has no interface (every answer checked in the system's own store); the
 * system's decision, read back from its query page, decides the case. A changed page (a renamed
 * field) is a dead letter naming the step and the field, with the screenshot and the HTML kept;
 * once the steps are fixed, the replay delivers it. Without chromium the bridge still starts and the
 * deliveries wait. The clerk's password never appears in logs, the exchange log or dead letters.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_TOKEN_SECRET, issueToken } from '@onewindow/platform';
import { callApi, eventually, fileAtWindow, testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { loadSocialInsuranceDemo, type LegacySocialInsuranceDemo, type LegacySocialInsuranceSystem } from './testing/legacy-systems';
import { startServicesForTest, type TestPlatform } from './testing/services-in-process';

type Json = Record<string, unknown>;

const { startSocialInsuranceSystem, socialInsuranceAdapter, socialInsuranceForm } = loadSocialInsuranceDemo();
type SocialInsuranceAdapterOptions = Parameters<LegacySocialInsuranceDemo['socialInsuranceAdapter']>[0];

const secret = DEVELOPMENT_TOKEN_SECRET;
const RSJ = { code: 'DCF-RSJ', name: '东昌府区人力资源和社会保障局' };
const ITEM = 'DCF-RS-DJ-002';
const ADAPTER = 'dcf-rsj-shbx';

const clerk = issueToken({ id: 'clerk-rsj-1', name: '李受理', role: 'clerk', level: 'district' }, secret);
const admin = issueToken({ id: 'admin-1', name: '平台管理员', role: 'admin' }, secret);
const integrator = issueToken({ id: 'int-rsj', name: '赵集成', role: 'integrator', department: RSJ.code }, secret);
const approver = issueToken({ id: 'approver-rsj', name: '王审批', role: 'approver', department: RSJ.code }, secret);

describe('职工参保登记 typed into the 人社局社会保险经办系统 by the browser adapter (行为模拟)', () => {
  let platform: TestPlatform;
  let system: LegacySocialInsuranceSystem;
  let folder: string;
  let adaptersFile: string;
  let credentialsFile: string;
  const output: string[] = [];
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  /** The adapters file the bridge reads at start: the 人社局 system only, with these options. */
  async function writeAdaptersFile(options: Partial<SocialInsuranceAdapterOptions> = {}): Promise<void> {
    const adapter = socialInsuranceAdapter({
      url: system.url,
      credentialsFile,
      pool: 2,
      stepTimeoutMs: 4000,
      pollIntervalMs: 300,
      maxAttempts: 2,
      backoffMs: 200,
      ...options,
    });
    await writeFile(adaptersFile, JSON.stringify({ adapters: [adapter] }, null, 2));
  }

  async function restartBridge(): Promise<void> {
    await platform.services.bridge.stop();
    await platform.restart('bridge');
  }

  beforeAll(async () => {
    // Everything the services log, to be searched for the password.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
      output.push(String(chunk)),
      writes.out(chunk, ...rest)
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
      output.push(String(chunk)),
      writes.err(chunk, ...rest)
    )) as typeof process.stderr.write;
    system = await startSocialInsuranceSystem();
    folder = await mkdtemp(join(tmpdir(), 'browser-adapter-'));
    adaptersFile = join(folder, 'adapters.json');
    credentialsFile = join(folder, 'rsj.credentials.yaml');
    await writeFile(credentialsFile, `username: ${system.account.username}\npassword: "${system.account.password}"\n`, { mode: 0o600 });
    await writeAdaptersFile();
    platform = await startServicesForTest({
      label: 'browser-adapter',
      databaseUrl: testDatabaseUrl(),
      kafkaBrokers: testKafkaBrokers().join(','),
      only: ['intake', 'approval', 'supervision', 'bridge'],
      env: {
        BRIDGE_POLL_INTERVAL_MS: '100',
        DEADLINE_WATCH_INTERVAL_MS: '0',
        BRIDGE_ADAPTERS_FILE: adaptersFile,
        BRIDGE_DATA_FOLDER: join(folder, 'data'),
      },
    });
    // The catalogue says 职工参保登记 is handled in the 人社局's own system.
    const exported = JSON.parse(
      await fetch(`${platform.urls.intake}/catalogue/export?format=json`, { headers: { authorization: `Bearer ${admin}` } }).then((r) =>
        r.text(),
      ),
    ) as { departments: Json[]; items: Json[] };
    const item = exported.items.find((candidate) => candidate['code'] === ITEM) as Json;
    const imported = await call('intake', admin, 'POST', '/catalogue/import', {
      format: 'json',
      content: JSON.stringify({ departments: exported.departments, items: [{ ...item, handledInDepartmentSystem: true }], bundles: [] }),
    });
    expect(imported.body).toMatchObject({ itemsCreatedOrChanged: [expect.stringMatching(/^DCF-RS-DJ-002@\d+$/)] });
  });

  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await platform?.stop();
    await system?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  function call(service: 'intake' | 'approval' | 'bridge', token: string, method: string, path: string, body?: unknown) {
    return callApi<Json>(platform.urls[service], token, method, path, body);
  }

  async function fileAtTheWindow(form: Json): Promise<Json> {
    const filed = await fileAtWindow(platform.urls.intake, clerk, {
      itemCodes: [ITEM],
      channel: 'window',
      level: 'district',
      applicant: { kind: 'organisation', name: form['organisationName'], identifier: form['creditCode'], phone: form['contactPhone'] },
      allOtherMaterialsProvided: true,
      form,
    });
    const application = (await filed.json()) as Json;
    expect({ status: filed.status, body: application }).toMatchObject({ status: 201 });
    return application;
  }

  const caseOf = (applicationNumber: string) => system.cases().find((c) => c.unit.ptbh === applicationNumber);

  it('types the accepted application into the 人社局 system, every answer in its store, and its 办结 decides the case', async () => {
    const form = socialInsuranceForm();
    const application = await fileAtTheWindow(form);
    const applicationNumber = String(application['number']);

    const typed = await eventually(
      async () => {
        const found = caseOf(applicationNumber);
        expect(found).toBeDefined();
        return found as NonNullable<typeof found>;
      },
      { timeoutMs: 60_000 },
    );
    expect(typed).toEqual({
      ywlsh: expect.stringMatching(/^RSCB371502\d{8}$/),
      unit: {
        tyshxydm: '91371502MA3C4KQ212',
        dwmc: '聊城市东昌府区运河物流有限公司',
        fddbr: '孙立国',
        zsqh: '371502',
        zsdz: '新区街道东昌东路136号',
        jbr: '张晓燕',
        lxdh: '13906358214',
        ptbh: applicationNumber,
      },
      xz: ['110', '310', '210', '410'],
      staff: [
        { xm: '刘海涛', sfzh: '371502199003152313', cbrq: '2026-12-01', jfgz: '5200.00' },
        { xm: '王静', sfzh: '371502199508214524', cbrq: '2026-12-01', jfgz: '4600.00' },
      ],
      status: '受理中',
      operator: system.account.username,
    });
    // Its own case number is the part's department case number.
    await eventually(async () => {
      const deliveries = (await call('bridge', integrator, 'GET', `/deliveries?status=acknowledged&pageSize=100`)).body['items'] as Json[];
      expect(deliveries.find((d) => d['applicationNumber'] === applicationNumber)).toMatchObject({ departmentCaseNumber: typed.ywlsh });
    });

    // The 人社局 clerk finishes it in the system; the bridge sees it on the query page.
    const approvalCase = await eventually(async () => {
      const found = (
        (await call('approval', approver, 'GET', `/cases?applicationNumber=${applicationNumber}`)).body['items'] as Json[] | undefined
      )?.[0];
      expect(found).toBeDefined();
      return found as Json;
    });
    system.decide(typed.ywlsh, {
      approve: true,
      djzh: '鲁社保字371502202600318号',
      at: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
    });
    const decided = await eventually(
      async () => {
        const current = (await call('approval', approver, 'GET', `/cases/${String(approvalCase['id'])}`)).body;
        expect(current['status']).toBe('approved');
        return current;
      },
      { timeoutMs: 60_000 },
    );
    expect(decided['decidedBy']).toMatchObject({ kind: 'department-system', id: ADAPTER, name: '人社局社会保险经办系统' });
    const licence = (await call('approval', approver, 'GET', `/licences/${String(decided['licenceId'])}`)).body;
    expect(licence).toMatchObject({ number: '鲁社保字371502202600318号' });

    const health = (await call('bridge', integrator, 'GET', `/adapters/${ADAPTER}`)).body;
    expect(health).toMatchObject({
      status: 'up',
      outbound: 'browser',
      inbound: [{ kind: 'result', transport: 'browser' }],
      unavailableReason: null,
    });
  });

  it('dead-letters a delivery on a changed page naming the step and field with the screenshot and HTML kept, and delivers it on replay once the steps are fixed', async () => {
    // A system upgrade renames 单位名称.
    system.relabel('单位名称', '参保单位名称');
    const form = socialInsuranceForm({ organisationName: '聊城市东昌府区鲁西纺织有限公司', creditCode: '91371502MA3C4KQ212' });
    const application = await fileAtTheWindow(form);
    const applicationNumber = String(application['number']);

    const letter = await eventually(
      async () => {
        const letters = (await call('bridge', integrator, 'GET', `/dead-letters?adapterId=${ADAPTER}&status=open`)).body['items'] as Json[];
        const found = letters.find((l) => l['applicationNumber'] === applicationNumber);
        expect(found).toBeDefined();
        return found as Json;
      },
      { timeoutMs: 90_000 },
    );
    expect(letter).toMatchObject({ code: 'page_changed', field: 'DWXX.DWMC', rule: 'steps[2]' });
    expect(String(letter['message'])).toContain(
      '第 3 步（steps[2]）fill 标签“单位名称” ← DWXX.DWMC 失败：页面已改变：找不到标签“单位名称”',
    );
    const [, screenshot] = /截图 sha256:([0-9a-f]{64})/.exec(String(letter['message'])) ?? [];
    const [, html] = /页面 sha256:([0-9a-f]{64})/.exec(String(letter['message'])) ?? [];
    expect(existsSync(join(folder, 'data', 'browser-failures', `${screenshot}.png`))).toBe(true);
    expect(existsSync(join(folder, 'data', 'browser-failures', `${html}.html`))).toBe(true);
    // The hashes are in the hash-chained exchange log with the dead letter.
    const log = (await call('bridge', integrator, 'GET', `/exchange-log?adapterId=${ADAPTER}&applicationNumber=${applicationNumber}`)).body[
      'items'
    ] as Json[];
    expect(log.find((entry) => entry['status'] === 'dead-lettered')?.['detail']).toContain(`截图 sha256:${screenshot}`);
    const health = (await call('bridge', integrator, 'GET', `/adapters/${ADAPTER}`)).body;
    expect(health).toMatchObject({
      status: 'degraded',
      lastFailure: { status: 'dead-lettered', detail: expect.stringContaining('页面已改变') },
    });
    expect(caseOf(applicationNumber)).toBeUndefined();

    // The integration engineer fixes the step and restarts the bridge; the replay delivers it.
    await writeAdaptersFile({ unitNameLabel: '参保单位名称' });
    await restartBridge();
    const replay = await call('bridge', integrator, 'POST', '/dead-letters/replay', { ids: [letter['id']] });
    expect(replay.body['lines']).toEqual([expect.objectContaining({ outcome: 'requeued' })]);
    const typed = await eventually(
      async () => {
        const found = caseOf(applicationNumber);
        expect(found).toBeDefined();
        return found as NonNullable<typeof found>;
      },
      { timeoutMs: 60_000 },
    );
    expect(typed.unit.dwmc).toBe('聊城市东昌府区鲁西纺织有限公司');
  });

  it('starts without chromium, says so in health and the start banner warnings, and keeps the deliveries waiting until it is there', async () => {
    await writeAdaptersFile({ unitNameLabel: '参保单位名称', chromiumPath: join(folder, 'no-chromium-here') });
    await restartBridge();
    const reason = `unavailable: chromium not found at ${join(folder, 'no-chromium-here')}`;
    expect((await call('bridge', integrator, 'GET', `/adapters/${ADAPTER}`)).body).toMatchObject({
      status: 'unavailable',
      unavailableReason: reason,
    });
    expect(platform.services.bridge.warnings()).toMatchObject({ [`adapter ${ADAPTER}`]: `人社局社会保险经办系统（${ADAPTER}）${reason}` });

    const application = await fileAtTheWindow(socialInsuranceForm({ organisationName: '聊城市东昌府区金柳家政服务有限公司' }));
    const applicationNumber = String(application['number']);
    await eventually(async () => {
      const pending = (await call('bridge', integrator, 'GET', `/deliveries?status=pending&pageSize=100`)).body['items'] as Json[];
      expect(pending.find((d) => d['applicationNumber'] === applicationNumber)).toMatchObject({ attempts: 0 });
    });

    await writeAdaptersFile({ unitNameLabel: '参保单位名称' });
    await restartBridge();
    await eventually(async () => expect(caseOf(applicationNumber)?.unit.dwmc).toBe('聊城市东昌府区金柳家政服务有限公司'), {
      timeoutMs: 60_000,
    });
  });

  it('never lets the password out: not in the logs, the exchange log, the dead letters or the deliveries', async () => {
    const { password } = system.account;
    expect(output.join('')).not.toContain(password);
    for (const table of ['exchange_log', 'bridge_dead_letter', 'department_delivery']) {
      const rows = await platform.query('bridge', `SELECT row_to_json(t)::text AS row FROM $schema.${table} t`);
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(password);
    }
  });
});
