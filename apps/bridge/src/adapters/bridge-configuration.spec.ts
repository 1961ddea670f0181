import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseYaml } from 'yaml';
import { ADAPTERS_FILE_SCHEMA } from './adapters-file.schema';
import { BridgeConfigurationError, compileBridgeConfiguration, loadBridgeConfigurationFile } from './bridge-configuration';
import { TRANSPORT_KINDS } from './transport-kinds';

function problemsOf(raw: unknown): Array<{ path: string; message: string }> {
  try {
    compileBridgeConfiguration(raw, TRANSPORT_KINDS);
  } catch (error) {
    if (error instanceof BridgeConfigurationError) return [...error.problems];
    throw error;
  }
  return [];
}

const spec = (name: string) => ({ name, version: '1', direction: { source: 'a', target: 'b' }, fields: [{ target: 'x', from: 'y' }] });

describe('the adapter configuration, validated at start-up', () => {
  it('loads a file whose mapping specs are separate files, compiling every one', () => {
    const compiled = loadBridgeConfigurationFile(join(__dirname, 'testing', 'adapters.example.yaml'), TRANSPORT_KINDS);
    expect(compiled.configuration.adapters.map((a) => a.id)).toEqual(['dcf-zjj-sgxk']);
    expect(compiled.configuration.adapters[0]?.outbound).toMatchObject({
      maxAttempts: 8,
      backoffMs: 2000,
      transport: { kind: 'file', format: 'csv', encoding: 'gbk' },
    });
    expect([...compiled.mappings.keys()]).toEqual(['dcf-zjj-sgxk-outbound', 'dcf-zjj-sgxk-result', 'lc-frk-enterprise-prefill']);
    const row = compiled.mappings.get('dcf-zjj-sgxk-outbound')?.map({
      partId: 'p',
      applicationNumber: 'YC1',
      applicant: { name: '水城建筑', identifier: '9137' },
      acceptedAt: '2026-03-05T02:30:00Z',
    });
    expect(row).toEqual({
      ok: true,
      value: { 平台编号: 'p', 受理编号: 'YC1', 建设单位: '水城建筑', 统一社会信用代码: '9137', 受理日期: '2026/3/5' },
    });
  });

  it('names every problem by its path: unknown transport, a transport used in the wrong direction, bad settings, bad specs', () => {
    const problems = problemsOf({
      adapters: [
        {
          id: 'Bad Id',
          name: '测试系统',
          department: { code: 'DCF-X', name: '测试局' },
          outbound: { transport: { kind: 'ftp' }, mapping: spec('a') },
          inbound: [
            { kind: 'result', transport: { kind: 'http', url: 'http://x' }, mapping: spec('b') },
            {
              kind: 'verdict',
              transport: { kind: 'file', folder: '/tmp/x', format: 'pdf', encoding: 'big5' },
              mapping: { name: 'c', fields: [] },
            },
          ],
        },
        {
          id: 'dcf-y',
          name: 'y',
          department: { code: 'DCF-Y', name: 'y' },
          outbound: { transport: { kind: 'http', url: 'ftp://x', secret: 'short', timeoutMs: 5 }, mapping: spec('a') },
        },
      ],
      lookups: [
        {
          id: 'lc-frk',
          source: '法人库',
          key: 'taxNumber',
          transport: { kind: 'webhook', secret: '0123456789abcdef' },
          mapping: spec('d'),
        },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'adapters[0].id',
        'adapters[0].outbound.transport.kind',
        'adapters[0].inbound[0].transport.kind',
        'adapters[0].inbound[1].kind',
        'adapters[0].inbound[1].transport.format',
        'adapters[0].inbound[1].transport.encoding',
        'adapters[0].inbound[1].mapping.version',
        'adapters[1].outbound.transport.url',
        'adapters[1].outbound.transport.secret',
        'adapters[1].outbound.transport.timeoutMs',
        'adapters[1].outbound.mapping.name',
        'lookups[0].key',
        'lookups[0].transport.kind',
      ]),
    );
    expect(problems.find((p) => p.path === 'adapters[0].inbound[0].transport.kind')?.message).toBe(
      '"http"不能用于接收；请用 webhook、file、table、browser',
    );
    expect(problems.filter((p) => !/[\u4e00-\u9fff]/.test(p.message))).toEqual([]);
  });

  it('checks the file against its published schema: shapes and settings by path, in the order the file is written', () => {
    const problems = problemsOf({
      adapters: [
        {
          id: 'dcf-scjgj',
          name: ' ',
          department: { code: 'DCF-SCJGJ' },
          itemCodes: 'DCF-SCJG-XK-001',
          outbound: { transport: { kind: 'file', folder: '/tmp/x', format: 'csv' }, mapping: spec('a'), maxAttempts: 0 },
        },
        '市场监管局系统',
      ],
      lookups: { id: 'lc-frk' },
    });
    expect(problems).toEqual([
      { path: 'adapters[0].name', message: '必须是非空字符串' },
      { path: 'adapters[0].department.name', message: '必须是非空字符串' },
      { path: 'adapters[0].itemCodes', message: '必须是事项编码列表' },
      { path: 'adapters[0].outbound.maxAttempts', message: '必须是 1 到 50 的整数' },
      { path: 'adapters[1]', message: '对接系统必须是一个对象' },
      { path: 'lookups', message: '必须是列表' },
    ]);
  });

  it('refuses a misspelt key instead of ignoring it (an adapter whose "outbund" was skipped would send nothing)', () => {
    const problems = problemsOf({
      adapters: [
        {
          id: 'dcf-scjgj',
          name: '市场监管局系统',
          department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
          outbund: { transport: { kind: 'file', folder: '/tmp/x', format: 'csv' }, mapping: spec('a') },
        },
      ],
      lookup: [],
    });
    expect(problems).toEqual([
      { path: 'adapters[0].outbund', message: '“outbund”不是可识别的字段' },
      { path: 'lookup', message: '“lookup”不是可识别的字段' },
    ]);
  });

  it('publishes that schema for editors, which accept the example file', () => {
    const editor = new Ajv2020({ strict: false, allErrors: true });
    const example = parseYaml(readFileSync(join(__dirname, 'testing', 'adapters.example.yaml'), 'utf8')) as unknown;
    expect(editor.validate(ADAPTERS_FILE_SCHEMA, example)).toBe(true);
    expect(editor.validate(ADAPTERS_FILE_SCHEMA, { adapters: [{ id: 'Bad Id' }] })).toBe(false);
  });

  it('requires a cursor column for a polled table and a plain schema.table name', () => {
    const problems = problemsOf({
      adapters: [
        {
          id: 'dcf-xfjy',
          name: '消防',
          department: { code: 'DCF-XFJY', name: '消防救援大队' },
          inbound: [
            {
              kind: 'supervision-record',
              transport: { kind: 'table', table: 'xf_cfjl; drop table x', connection: 'bridge-database' },
              mapping: spec('e'),
            },
          ],
        },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'adapters[0].inbound[0].transport.table',
      'adapters[0].inbound[0].transport.cursorColumn',
    ]);
  });

  it("takes the departments' own code tables once, for every spec to pin, and checks them", () => {
    const codeTables = [
      {
        name: 'DCF-ZJJ 工程类别',
        version: '2025.1',
        entries: [
          { code: '01', label: 'FJ' },
          { code: '02', label: 'SZ' },
        ],
      },
    ];
    const pinned = {
      ...spec('p'),
      codeTables: [{ ref: 'DCF-ZJJ 工程类别', version: '2025.1' }],
      fields: [{ target: 'GCLB', from: 'projectType', codeTable: 'DCF-ZJJ 工程类别' }],
    };
    const adapter = {
      id: 'dcf-zjj',
      name: '住建局',
      department: { code: 'DCF-ZJJ', name: '住建局' },
      outbound: { transport: { kind: 'file', folder: '/tmp/zjj', format: 'xml' }, mapping: pinned },
    };
    const compiled = compileBridgeConfiguration({ codeTables, adapters: [adapter] }, TRANSPORT_KINDS);
    expect(compiled.mappings.get('p')?.map({ projectType: '02' })).toEqual({ ok: true, value: { GCLB: 'SZ' } });
    expect(problemsOf({ codeTables: [{ name: 'DCF-ZJJ 工程类别', version: 2025 }], adapters: [adapter] }).map((p) => p.path)).toEqual([
      'codeTables[0].version',
      'codeTables[0].entries',
      // In the order the file is written: the spread spec keeps `fields` where spec() put it, before `codeTables`.
      'adapters[0].outbound.mapping.fields[0].codeTable',
      'adapters[0].outbound.mapping.codeTables[0].ref',
    ]);
  });

  it('sends supplements through their own mapping, on the outbound transport unless they name another', () => {
    const adapter = (supplement: unknown) => ({
      id: 'dcf-zjj',
      name: '住建局',
      department: { code: 'DCF-ZJJ', name: '住建局' },
      outbound: { transport: { kind: 'file', folder: '/tmp/zjj', format: 'xml', xmlRoot: 'SGXK_SQ' }, mapping: spec('o'), supplement },
    });
    const same = compileBridgeConfiguration({ adapters: [adapter({ mapping: spec('s') })] }, TRANSPORT_KINDS);
    expect(same.configuration.adapters[0]?.outbound?.supplement).toMatchObject({
      transport: { kind: 'file', xmlRoot: 'SGXK_SQ' },
      mapping: { name: 's' },
    });
    const own = compileBridgeConfiguration(
      { adapters: [adapter({ mapping: spec('s'), transport: { kind: 'file', folder: '/tmp/zjj', format: 'xml', xmlRoot: 'SGXK_BZ' } })] },
      TRANSPORT_KINDS,
    );
    expect(own.configuration.adapters[0]?.outbound?.supplement?.transport).toMatchObject({ xmlRoot: 'SGXK_BZ' });
    expect(problemsOf({ adapters: [adapter({ transport: { kind: 'webhook', secret: '0123456789abcdef' } })] }).map((p) => p.path)).toEqual([
      'adapters[0].outbound.supplement.transport.kind',
      'adapters[0].outbound.supplement.mapping',
    ]);
  });
});
