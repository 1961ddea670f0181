import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('refuses to start on a configuration with a problem, naming where it is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bridge-config-'));
    try {
      const file = join(folder, 'adapters.yaml');
      writeFileSync(file, 'adapters:\n  - id: dcf-wjw\n    name: 卫健委\n    department: { code: DCF-WJW, name: 卫健委 }\n    outbound:\n      transport: { kind: file, folder: /tmp/x, format: xml, encoding: big5 }\n      mapping: missing.yaml\n');
      const config = loadConfig(BridgeConfig, { env: { BRIDGE_ADAPTERS_FILE: file } });
      const started = BridgeRuntime.start(config, noDatabase, clock);
      await expect(started).rejects.toBeInstanceOf(BridgeConfigurationError);
      await expect(started).rejects.toThrow(/adapters\[0\]\.outbound\.transport\.encoding: must be one of utf-8, gbk[\s\S]*adapters\[0\]\.outbound\.mapping: mapping spec cannot be read/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
