/**
 * The browser transport in real headless chromium (Debian's package) against the demo 人社局
 * system: what it types lands in the system's own store, the session is kept and renewed after a
 * logout, a changed page is told apart and leaves a screenshot and the HTML, and the password
 * never appears in what a failure says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledMapping } from '@onewindow/mapping';
import { SystemClock } from '@onewindow/platform';
import type { DataSource } from 'typeorm';
import { compileBridgeConfiguration } from '../adapters/bridge-configuration';
import { TransportError, type TransportContext } from '../adapters/transport';
import { TRANSPORT_KINDS } from '../adapters/transport-kinds';
import { socialInsuranceAdapter } from '../demo/rsj/social-insurance-adapter';
import { startSocialInsuranceSystem, type SocialInsuranceSystem } from '../demo/rsj/social-insurance-system';
import { aSocialInsurancePart } from '../demo/testing/social-insurance-part';
import { BrowserOutboundTransport, readBrowserSettings } from './browser.transport';

describe('the browser transport typing into the demo 人社局社会保险经办系统', () => {
  let system: SocialInsuranceSystem;
  let folder: string;
  let credentialsFile: string;

  beforeAll(async () => {
    system = await startSocialInsuranceSystem();
    folder = await mkdtemp(join(tmpdir(), 'browser-transport-'));
    credentialsFile = join(folder, 'rsj.credentials.yaml');
    await writeFile(credentialsFile, `username: ${system.account.username}\npassword: "${system.account.password}"\n`);
  });

  afterAll(async () => {
    await system?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  function transportFor(options: { unitNameLabel?: string; chromiumPath?: string } = {}): {
    transport: BrowserOutboundTransport;
    mapping: CompiledMapping;
  } {
    const adapter = socialInsuranceAdapter({ url: system.url, credentialsFile, stepTimeoutMs: 3000, ...options });
    const compiled = compileBridgeConfiguration({ adapters: [adapter] }, TRANSPORT_KINDS);
    const settings = (adapter['outbound'] as { transport: Record<string, unknown> }).transport;
    const context: TransportContext = {
      adapterId: `t-${Math.random().toString(36).slice(2, 8)}`,
      dataSource: {} as DataSource,
      clock: new SystemClock(),
      dataFolder: folder,
    };
    return {
      transport: new BrowserOutboundTransport(readBrowserSettings(settings, '').value, context),
      mapping: compiled.mappings.get('dcf-rsj-shbx-outbound') as CompiledMapping,
    };
  }

  it('types every answer of the form into the system and answers with its 业务流水号, logging in once for two cases', async () => {
    const { transport, mapping } = transportFor();
    try {
      const part = aSocialInsurancePart();
      const mapped = mapping.map(part);
      if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
      const first = await transport.send(mapped.value);
      const second = await transport.send(mapped.value);
      expect(first).toMatchObject({ acknowledged: true, caseNumber: expect.stringMatching(/^RSCB371502\d{8}$/) });
      expect(second.caseNumber).not.toBe(first.caseNumber);
      const stored = system.cases().find((c) => c.ywlsh === first.caseNumber);
      expect(stored).toEqual({
        ywlsh: first.caseNumber,
        unit: {
          tyshxydm: '91371502MA3C4KQ212',
          dwmc: '聊城市东昌府区运河物流有限公司',
          fddbr: '孙立国',
          zsqh: '371502',
          zsdz: '新区街道东昌东路136号',
          jbr: '张晓燕',
          lxdh: '13906358214',
          ptbh: part.applicationNumber,
        },
        xz: ['110', '310', '210', '410'],
        staff: [
          { xm: '刘海涛', sfzh: '371502199003152313', cbrq: '2026-12-01', jfgz: '5200.00' },
          { xm: '王静', sfzh: '371502199508214524', cbrq: '2026-12-01', jfgz: '4600.00' },
        ],
        status: '受理中',
        operator: system.account.username,
      });
      // The second delivery reused the session of the first.
      expect(system.logins()).toBe(1);
    } finally {
      await transport.close();
    }
  });

  it('types deliveries at once in contexts of their own, never mixing two forms (each slot of the pool has its own session)', async () => {
    const { transport, mapping } = transportFor();
    try {
      const units = [
        '聊城市东昌府区运河物流有限公司',
        '聊城市东昌府区鲁西纺织有限公司',
        '聊城市东昌府区金柳家政服务有限公司',
        '聊城市东昌府区光岳印刷有限公司',
      ];
      const records = units.map((name, i) => {
        const mapped = mapping.map(
          aSocialInsurancePart({
            organisationName: name,
            employees: [
              { name: `${name.slice(7, 9)}甲`, idNumber: '371502199003152313', startDate: '2026-12-01', wage: `${5000 + i}.00` },
              { name: `${name.slice(7, 9)}乙`, idNumber: '371502199508214524', startDate: '2026-12-01', wage: `${4000 + i}.00` },
            ],
          }),
        );
        if (!mapped.ok) throw new Error('not mapped');
        return mapped.value;
      });
      const receipts = await Promise.all(records.map((record) => transport.send(record)));
      receipts.forEach((receipt, i) => {
        const stored = system.cases().find((c) => c.ywlsh === receipt.caseNumber);
        const name = units[i] as string;
        expect(stored?.unit.dwmc).toBe(name);
        expect(stored?.staff.map((p) => [p.xm, p.jfgz])).toEqual([
          [`${name.slice(7, 9)}甲`, `${5000 + i}.00`],
          [`${name.slice(7, 9)}乙`, `${4000 + i}.00`],
        ]);
      });
    } finally {
      await transport.close();
    }
  });

  it('logs in again when the system has logged everyone out', async () => {
    const { transport, mapping } = transportFor();
    try {
      const mapped = mapping.map(aSocialInsurancePart());
      if (!mapped.ok) throw new Error('not mapped');
      await transport.send(mapped.value);
      const before = system.logins();
      system.logoutEveryone();
      const again = await transport.send(mapped.value);
      expect(again.caseNumber).toMatch(/^RSCB/);
      expect(system.logins()).toBe(before + 1);
    } finally {
      await transport.close();
    }
  });

  it('names a changed page (a renamed field) as such, with the step and field, and keeps the screenshot and the HTML; never the password', async () => {
    const { transport, mapping } = transportFor({ unitNameLabel: '单位名称' });
    const changed = await startSocialInsuranceSystem();
    changed.relabel('单位名称', '参保单位名称');
    try {
      const mapped = mapping.map(aSocialInsurancePart());
      if (!mapped.ok) throw new Error('not mapped');
      const adapter = socialInsuranceAdapter({ url: changed.url, credentialsFile: join(folder, 'changed.yaml'), stepTimeoutMs: 1500 });
      await writeFile(join(folder, 'changed.yaml'), `username: ${changed.account.username}\npassword: "${changed.account.password}"\n`);
      const settings = (adapter['outbound'] as { transport: Record<string, unknown> }).transport;
      const onChanged = new BrowserOutboundTransport(readBrowserSettings(settings, '').value, {
        adapterId: 't-changed',
        dataSource: {} as DataSource,
        clock: new SystemClock(),
        dataFolder: folder,
      });
      const error = (await onChanged.send(mapped.value).catch((e: unknown) => e)) as TransportError;
      await onChanged.close();
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ code: 'page_changed', field: 'DWXX.DWMC', rule: 'steps[2]', retryable: true });
      expect(error.message).toContain('页面已改变：找不到标签“单位名称”');
      expect(error.message).toContain(`${changed.url}/cbdj/dwxx`);
      const [, screenshot] = /截图 sha256:([0-9a-f]{64})/.exec(error.message) ?? [];
      const [, html] = /页面 sha256:([0-9a-f]{64})/.exec(error.message) ?? [];
      const kept = await readdir(join(folder, 'browser-failures'));
      expect(kept).toEqual(expect.arrayContaining([`${screenshot}.png`, `${html}.html`]));
      expect(readFileSync(join(folder, 'browser-failures', `${html}.html`), 'utf8')).toContain('参保单位名称');
      expect(error.message).not.toContain(changed.account.password);
      expect(changed.cases()).toHaveLength(0);
    } finally {
      await changed.stop();
      await transport.close();
    }
  });

  it('tells the system’s own error message when it refuses what was typed', async () => {
    const { transport, mapping } = transportFor();
    try {
      const mapped = mapping.map(aSocialInsurancePart({ creditCode: '91371502MA3C4KQ21' }));
      if (!mapped.ok) throw new Error('not mapped');
      const error = (await transport.send(mapped.value).catch((e: unknown) => e)) as TransportError;
      expect(error).toMatchObject({ code: 'rejected_by_system', retryable: false, rule: 'steps[10]' });
      expect(error.message).toContain('部门系统提示：以下项目未填写或不正确：统一社会信用代码格式不正确');
    } finally {
      await transport.close();
    }
  });

  it('is unavailable, naming the path, without chromium', () => {
    const { transport } = transportFor({ chromiumPath: '/opt/no-such/chromium' });
    expect(transport.unavailable()).toBe('unavailable: chromium not found at /opt/no-such/chromium');
    expect(existsSync('/opt/no-such/chromium')).toBe(false);
    return transport.close();
  });
});
