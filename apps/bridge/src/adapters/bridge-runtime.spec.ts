import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ManualClock } from '@onewindow/platform';
import type { DataSource } from 'typeorm';
import { BridgeConfig } from '../bridge.config';
import { BridgeConfigurationError } from './bridge-configuration';
import { BridgeRuntime } from './bridge-runtime';

// A configuration file names no table on the bridge's own database, so the runtime never touches it here.
const noDatabase = {} as DataSource;
const clock = new ManualClock(new Date('2026-03-05T02:00:00.000Z'));

describe('the bridge runtime at start-up', () => {
  it('builds the transports and compiled mappings of the configuration file, routing parts by department and item', async () => {
    const config = loadConfig(BridgeConfig, { env: { BRIDGE_ADAPTERS_FILE: join(__dirname, 'testing', 'adapters.example.yaml') } });
    const runtime = await BridgeRuntime.start(config, noDatabase, clock);
    try {
      expect(runtime.demo).toBeUndefined();
      expect(runtime.adapterFor('DCF-ZJJ', 'DCF-ZJ-XK-012')?.definition.id).toBe('dcf-zjj-sgxk');
      expect(runtime.adapterFor('DCF-ZJJ', 'DCF-ZJ-XK-011')).toBeUndefined();
      expect(runtime.adapter('dcf-zjj-sgxk')?.inbound.map((i) => [i.definition.kind, i.source])).toEqual([['result', undefined]]);
      expect(runtime.lookups.map((l) => l.definition.key)).toEqual(['creditCode']);
    } finally {
      await runtime.stop();
    }
  });

  it('carries no adapter and starts no simulated system without a file when the demo systems are not asked for', async () => {
    const runtime = await BridgeRuntime.start(loadConfig(BridgeConfig, { env: { NODE_ENV: 'development' } }), noDatabase, clock);
    try {
      expect(runtime.demo).toBeUndefined();
      expect(runtime.adapters).toEqual([]);
      expect(runtime.lookups).toEqual([]);
    } finally {
      await runtime.stop();
    }
  });

  it('refuses to start on a configuration with a problem, naming where it is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bridge-config-'));
    try {
      const file = join(folder, 'adapters.yaml');
      writeFileSync(
        file,
        'adapters:\n  - id: dcf-wjw\n    name: 卫健委\n    department: { code: DCF-WJW, name: 卫健委 }\n    outbound:\n      transport: { kind: file, folder: /tmp/x, format: xml, encoding: big5 }\n      mapping: missing.yaml\n',
      );
      const config = loadConfig(BridgeConfig, { env: { BRIDGE_ADAPTERS_FILE: file } });
      const started = BridgeRuntime.start(config, noDatabase, clock);
      await expect(started).rejects.toBeInstanceOf(BridgeConfigurationError);
      await expect(started).rejects.toThrow(
        /adapters\[0\]\.outbound\.transport\.encoding: 必须是 utf-8、gbk[\s\S]*adapters\[0\]\.outbound\.mapping: 映射规则无法读取/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('reloading the adapters file while the bridge runs', () => {
  let folder: string;
  let file: string;
  let runtime: BridgeRuntime;
  const example = () => readFileSync(join(__dirname, 'testing', 'adapters.example.yaml'), 'utf8');

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'bridge-reload-'));
    cpSync(join(__dirname, 'testing'), folder, { recursive: true });
    file = join(folder, 'adapters.example.yaml');
    runtime = await BridgeRuntime.start(loadConfig(BridgeConfig, { env: { BRIDGE_ADAPTERS_FILE: file } }), noDatabase, clock);
  });

  afterEach(async () => {
    await runtime.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts a changed mapping in force for what is mapped next, keeping the running transports', async () => {
    const before = runtime.adapter('dcf-zjj-sgxk');
    const lookupBefore = runtime.lookups[0];
    writeFileSync(
      file,
      example().replace(
        '{ target: applicant.name, from: QYMC, label: 企业名称 }',
        '{ target: applicant.name, from: QYMCQC, label: 企业名称（全称） }',
      ),
    );
    const reloaded = await runtime.reload();
    expect(reloaded).toMatchObject({ file, adapters: 1, lookups: 1, changedMappings: ['lc-frk-enterprise-prefill'] });
    expect(reloaded.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const lookup = runtime.lookups[0];
    expect(lookup?.mapping).not.toBe(lookupBefore?.mapping);
    expect(lookup?.transport).toBe(lookupBefore?.transport);
    expect(lookup?.mapping.map({ QYMCQC: '聊城市东昌府区鲁西餐饮有限公司', TYSHXYDM: '91350100M000100Y43' })).toMatchObject({
      ok: true,
      value: { applicant: { name: '聊城市东昌府区鲁西餐饮有限公司' } },
    });
    expect(runtime.adapter('dcf-zjj-sgxk')?.outbound?.transport).toBe(before?.outbound?.transport);
  });

  it('refuses an invalid file naming every problem by path, and keeps the configuration in force', async () => {
    const before = runtime.lookups[0]?.mapping;
    writeFileSync(file, example().replace('key: creditCode', 'key: nothing').replace('maxAttempts: 8', 'maxAttempts: 0'));
    const refused = runtime.reload();
    await expect(refused).rejects.toBeInstanceOf(BridgeConfigurationError);
    await expect(refused).rejects.toThrow(/adapters\[0\]\.outbound\.maxAttempts[\s\S]*lookups\[0\]\.key/);
    expect(runtime.lookups[0]?.mapping).toBe(before);
  });

  it('refuses a change only a restart can make (a new transport or system), naming where it is', async () => {
    writeFileSync(
      file,
      example().replace('/srv/exchange/zjj/to-zjj', '/srv/exchange/zjj/elsewhere').replace('id: dcf-zjj-sgxk', 'id: dcf-zjj-sgxk2'),
    );
    await expect(runtime.reload()).rejects.toThrow(
      /adapters: 删除对接系统 dcf-zjj-sgxk需重启联通桥后生效[\s\S]*adapters\[0\]\.id: 新增对接系统 dcf-zjj-sgxk2/,
    );
    writeFileSync(file, example().replace('/srv/exchange/zjj/to-zjj', '/srv/exchange/zjj/elsewhere'));
    await expect(runtime.reload()).rejects.toThrow(/adapters\[0\]\.outbound\.transport: 发送方式的变更需重启联通桥后生效/);
    expect(runtime.adapter('dcf-zjj-sgxk')?.definition.outbound?.transport).toMatchObject({ folder: '/srv/exchange/zjj/to-zjj' });
  });
});
