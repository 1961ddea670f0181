import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping } from './compile-mapping';
import { MappingSpecError, type CodeTable, type FieldRule, type MappingSpec } from './mapping-spec';
import { parseCodeTables, parseMappingSpec, validateCodeTables, validateMappingSpec } from './parse-spec';

const base = { name: 'test', version: '1', direction: { source: 'dept', target: 'platform' } };

function problemsOf(
  fields: unknown[],
  extra: Record<string, unknown> = {},
  codeTables: readonly CodeTable[] = SHARED_CODE_TABLES,
): string[] {
  return validateMappingSpec({ ...base, fields, ...extra }, { codeTables }).map((problem) => `${problem.path}: ${problem.message}`);
}

describe('spec validation', () => {
  it('accepts a valid spec', () => {
    expect(problemsOf([{ target: 'a', from: 'A' }])).toEqual([]);
  });

  it('names an unknown code table with the path of the rule', () => {
    expect(
      problemsOf([
        { target: 'a', from: 'A' },
        { target: 'b', from: 'B' },
        { target: 'c', from: 'C' },
        { target: 'sex', from: 'XB', codeTable: 'sexx' },
      ]),
    ).toEqual(['fields[3].codeTable: 未定义的代码表"sexx"']);
  });

  it('lists every problem of a spec at once, each in Chinese', () => {
    const problems = problemsOf([
      { target: 'a', from: 'A', codeTabel: 'GB/T 2261.1' },
      { target: 'b' },
      { target: 'c', from: 'C', date: { from: 'yyyy-MM-dd', to: 'YYYY' } },
      { target: 'd', from: 'D', number: { from: '万元', to: '平方米' } },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^fields\[0\]\.codeTabel: 未知的键/),
      'fields[1]: 需要 from、const、concat、split 其中之一',
      expect.stringMatching(/^fields\[2\]\.date\.to: "YYYY"不是日期格式字段/),
      'fields[2].date.timeZone: 必须填写，例如 Asia/Shanghai 或 +08:00',
      'fields[3].number: 无法将 万元（金额）换算为 平方米（面积）',
    ]);
    expect(problems.filter((problem) => !/: .*[\u4e00-\u9fff]/.test(String(problem)))).toEqual([]);
  });

  it('checks the top level of the spec, in the order it is written (a missing key after the keys written)', () => {
    expect(validateMappingSpec({ version: 1, direction: {}, fields: [], extra: true }).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'version: 必须是字符串（YAML 中请加引号）',
      'direction.source: 必须填写',
      'direction.target: 必须填写',
      'fields: 必须是非空的字段规则列表',
      expect.stringMatching(/^extra: 未知的键/),
      'name: 必须填写',
    ]);
    expect(validateMappingSpec('fields: []')).toEqual([{ path: '', message: '映射规则必须是对象' }]);
  });

  it('refuses rules with several sources or misplaced options', () => {
    expect(problemsOf([{ target: 'a', from: 'A', const: 1 }])).toEqual(['fields[0]: 有多个来源（from、const），只能用一个']);
    expect(problemsOf([{ target: 'a', const: 1, default: 2 }])).toEqual(['fields[0].default: 不能与 const 一起使用']);
    expect(
      problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', date: { from: 'iso8601', to: 'iso8601', timeZone: 'UTC' } }]),
    ).toEqual(['fields[0]: 同时使用了 codeTable 和 date；每个字段只能用一种转换']);
    expect(problemsOf([{ target: 'a', from: 'A', unmapped: 'error' }])).toEqual(['fields[0].unmapped: 只能与 codeTable 一起使用']);
    expect(problemsOf([{ target: 'a', from: 'A', required: 'yes' }])).toEqual(['fields[0].required: 必须是 true 或 false']);
  });

  it('refuses malformed and dangerous paths', () => {
    expect(problemsOf([{ target: 'a..b', from: 'A' }])).toEqual([expect.stringMatching(/^fields\[0\]\.target: 路径"a\.\.b"不合规/)]);
    expect(problemsOf([{ target: '__proto__.polluted', from: 'A' }])).toEqual([
      'fields[0].target: 路径"__proto__.polluted"不合规：不能用"__proto__"作键',
    ]);
    expect(problemsOf([{ target: 'a', from: 'L[x]' }])).toEqual(['fields[0].from: 路径"L[x]"不合规："[x]"必须是"[]"或"[0]"这样的下标']);
    expect(problemsOf([{ target: 'a', from: '' }])).toEqual(['fields[0].from: 必须是非空的路径字符串']);
  });

  it('requires the same number of arrays in source and target', () => {
    expect(problemsOf([{ target: 'a', from: 'L[].X' }])).toEqual([
      'fields[0].target: 有 0 个"[]"，而来源有 1 个；每个来源数组对应一个目标数组',
    ]);
    expect(problemsOf([{ target: 'a[].x', const: 1 }])).toEqual([
      'fields[0].target: "a[]"中的常量随其他规则写入的每个元素重复，但没有规则从来源数组填充"a[]"',
    ]);
    expect(problemsOf([{ target: 'a[].x', concat: ['L[].X', 'M[].Y'], separator: ' ' }])).toEqual([
      'fields[0].concat[1]: 遍历的是"M[]"，而第一个来源遍历的是"L[]"',
    ]);
    expect(problemsOf([{ target: 'a[].x', from: 'L[].X', when: { path: 'M[].Y', exists: true } }])).toEqual([
      'fields[0].when.path: 只能遍历本规则来源所遍历的数组（"L[]"）',
    ]);
  });

  it('refuses two rules writing one target unless they form a chain of conditions', () => {
    expect(
      problemsOf([
        { target: 'a', from: 'A' },
        { target: 'a', from: 'B' },
      ]),
    ).toEqual(['fields[0].when: "a"也由 fields[1] 写入；条件链中除最后一条外，每条规则都需要 when']);
    expect(
      problemsOf([
        { target: 'a', from: 'A', when: { path: 'K', equals: 1 } },
        { target: 'a', from: 'B' },
      ]),
    ).toEqual([]);
  });

  it('refuses a target inside another target', () => {
    expect(
      problemsOf([
        { target: 'applicant', from: 'SQR' },
        { target: 'applicant.name', from: 'XM' },
      ]),
    ).toEqual(['fields[1].target: "applicant.name"与 fields[0] 写入的"applicant"重叠']);
  });

  it('checks conditions', () => {
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', equals: 1, exists: true } }])).toEqual([
      'fields[0].when: 必须且只能有 equals、in、exists 其中之一',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', in: [] } }])).toEqual([
      'fields[0].when.in: 必须是非空列表，元素为字符串、数值或布尔值',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', exists: 'yes' } }])).toEqual([
      'fields[0].when.exists: 必须是 true 或 false',
    ]);
  });

  it('checks code tables declared in the spec', () => {
    const problems = problemsOf([{ target: 'a', from: 'A', codeTable: 'status', lookup: 'label-to-code' }], {
      codeTables: [
        {
          name: 'status',
          version: '1',
          entries: [
            { code: '01', label: 'open' },
            { code: '02', label: 'open' },
          ],
        },
        {
          name: 'bad',
          version: 1,
          entries: [
            { code: 1, label: 'x' },
            { code: '2', label: 'y' },
            { code: '2', label: 'z' },
          ],
        },
        { ref: 'GB/T 2261.1', version: '1999' },
        { ref: 'nope' },
      ],
    });
    // In the order the spec is written: its fields before its code tables.
    expect(problems).toEqual([
      'fields[0].lookup: 代码表"status"中有多个代码名称相同，按名称查代码（label-to-code）有歧义',
      'codeTables[1].version: 必须是字符串（YAML 中请加引号）',
      'codeTables[1].entries[0].code: 必须是非空字符串（YAML 中代码要加引号：写 "01"，不写 01）',
      'codeTables[1].entries[2].code: 代码"2"重复出现',
      'codeTables[2].ref: 共享代码表"GB/T 2261.1"没有版本"1999"（现有版本：2003）',
      'codeTables[3].ref: 未定义的共享代码表"nope"',
    ]);
  });

  it('asks to pin the version when several versions of a shared table are passed in', () => {
    const newer: CodeTable = { ...SHARED_CODE_TABLES[0], version: '2099' } as CodeTable;
    const tables = [...SHARED_CODE_TABLES, newer];
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1' }], {}, tables)).toEqual([
      'fields[0].codeTable: 代码表"GB/T 2261.1"有多个版本（2003、2099），请在 codeTables 中用 ref 和 version 指定其中一个',
    ]);
    expect(
      problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1' }], { codeTables: [{ ref: 'GB/T 2261.1', version: '2099' }] }, tables),
    ).toEqual([]);
  });

  it('needs a default for unmapped: default', () => {
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', unmapped: 'default' }])).toEqual([
      'fields[0].default: unmapped: default 需要填写 default 默认值',
    ]);
  });

  it('checks date formats and time zones', () => {
    expect(problemsOf([{ target: 'a', from: 'A', date: { from: 'yyyy-MM', to: 'iso8601', timeZone: 'Europe/Berlin' } }])).toEqual([
      'fields[0].date.from: 日期格式"yyyy-MM"必须包含 yyyy、MM 和 dd',
      'fields[0].date.timeZone: 不支持的时区"Europe/Berlin"：请使用固定时差的时区（如 Asia/Shanghai）或时差（如 +08:00）',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', date: { from: 'yyyy-MM-dd mm', to: 'iso8601', timeZone: '+08:00' } }])).toEqual([
      'fields[0].date.from: 日期格式"yyyy-MM-dd mm"有分却没有时',
    ]);
  });

  it('checks number conversions', () => {
    expect(
      problemsOf([
        { target: 'a', from: 'A', number: { from: '万元', to: '元', multiply: 2, decimals: 1.5, rounding: 'bankers', output: 'text' } },
      ]),
    ).toEqual([
      'fields[0].number.multiply: 单位换算（from、to）与 multiply 只能用其一',
      'fields[0].number.decimals: 必须是 0 到 20 的整数',
      'fields[0].number.rounding: 必须是 half-up、half-even、down、up、exact 之一',
      'fields[0].number.output: 必须是 number 或 string',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', number: { from: '两' } }])).toEqual([
      expect.stringMatching(/^fields\[0\]\.number\.from: 未定义的单位"两"/),
      'fields[0].number.to: 写了 from 时必须填写',
    ]);
  });

  it('checks split and concat', () => {
    expect(problemsOf([{ split: 'A', separator: '', target: 'a' }])).toEqual([
      'fields[0].separator: split 的分隔符不能为空',
      'fields[0].target: split 写的是 targets（列表），不是 target',
      'fields[0].targets: 至少要列出两个目标路径',
    ]);
    expect(problemsOf([{ target: 'a', concat: ['A'] }])).toEqual([
      'fields[0].concat: 至少要列出两个来源路径',
      'fields[0].separator: 必须是字符串',
    ]);
  });

  it('throws every problem from compileMapping', () => {
    const spec = { ...base, fields: [{ target: 'a', from: 'A', codeTable: 'sexx' }, { target: 'b' }] } as unknown as MappingSpec;
    expect(() => compileMapping(spec)).toThrow(MappingSpecError);
    try {
      compileMapping(spec);
    } catch (error) {
      expect((error as MappingSpecError).problems).toHaveLength(2);
      expect((error as MappingSpecError).message).toBe(
        '映射规则"test"不合规：\n  fields[0].codeTable: 未定义的代码表"sexx"\n  fields[1]: 需要 from、const、concat、split 其中之一',
      );
    }
  });
});

describe('parsing specs from YAML and JSON', () => {
  const yaml = `
name: demo
version: "1"
direction: { source: dept, target: platform }
fields:
  - { target: sex, from: XB, codeTable: GB/T 2261.1 }
`;

  it('reads YAML', () => {
    const spec = parseMappingSpec(yaml, { codeTables: SHARED_CODE_TABLES });
    expect(spec.fields[0]).toEqual<FieldRule>({ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' });
  });

  it('reads JSON', () => {
    const spec = parseMappingSpec(JSON.stringify({ ...base, fields: [{ target: 'a', from: 'A' }] }));
    expect(spec.name).toBe('test');
  });

  it('reports YAML syntax errors and duplicate keys', () => {
    expect(() => parseMappingSpec('name: [unclosed')).toThrow(/YAML 格式错误：/);
    expect(() => parseMappingSpec('name: a\nname: b\n')).toThrow(/YAML 格式错误：Map keys must be unique/);
  });

  it('reports a code that YAML read as a number', () => {
    const text = `${yaml}codeTables:\n  - name: status\n    version: "1"\n    entries:\n      - { code: 01, label: open }\n`;
    expect(() => parseMappingSpec(text, { codeTables: SHARED_CODE_TABLES })).toThrow(
      'codeTables[0].entries[0].code: 必须是非空字符串（YAML 中代码要加引号：写 "01"，不写 01）',
    );
  });
});

describe('validation of the newer rule options', () => {
  it('checks yes/no conversions', () => {
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '是', false: '否', to: 'text' } }])).toEqual([]);
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '是', false: '是', to: 'bool' } }])).toEqual([
      'fields[0].boolean: true 和 false 的写法不能相同',
      'fields[0].boolean.to: 必须是 text（写出文字）或 boolean（读取文字）',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '', to: 'text' } }])).toEqual([
      'fields[0].boolean.true: 必须是部门系统对应的文字或数字，例如 是、Y 或 1',
      'fields[0].boolean.false: 必须是部门系统对应的文字或数字，例如 是、Y 或 1',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', boolean: { true: 'Y', false: 'N', to: 'text' } }])).toEqual([
      'fields[0]: 同时使用了 codeTable 和 boolean；每个字段只能用一种转换',
    ]);
  });

  it('checks ranges and lengths, and where they may be used', () => {
    expect(problemsOf([{ target: 'a', from: 'A', range: { min: 1, max: 0 }, length: { max: -1 } }])).toEqual([
      'fields[0].range: min 不能大于 max',
      'fields[0].length.max: 必须是字符数（0 或正整数）',
    ]);
    expect(
      problemsOf([
        { target: 'a', from: 'A', range: {} },
        { target: 'b', from: 'B', range: { min: '1', maximum: 2 } },
      ]),
    ).toEqual([
      'fields[0].range: 必须是 { min, max }，至少写其中一个',
      'fields[1].range.min: 必须是有限数值',
      'fields[1].range.maximum: 未知的键（应为 min、max 之一）',
    ]);
    expect(
      problemsOf([
        { target: 'a', const: 'x', length: { max: 1 } },
        { targets: ['b', 'c'], split: 'B', separator: '-', range: { max: 1 } },
      ]),
    ).toEqual(['fields[0].length: 不能与 const 一起使用', 'fields[1].range: 不能与 split 一起使用']);
  });

  it('lets a constant fill array elements only where other rules fill that array from one source array', () => {
    expect(
      problemsOf([
        { target: 'a[].x', from: 'L[].X' },
        { target: 'a[].k', const: 1 },
      ]),
    ).toEqual([]);
    expect(
      problemsOf([
        { target: 'a[].x', from: 'L[].X' },
        { target: 'a[].y', from: 'M[].Y' },
        { target: 'a[].k', const: 1 },
      ]),
    ).toEqual(['fields[2].target: 填充"a[]"的规则读取不同的来源数组（L[]、M[]），其中的常量无法确定跟随哪个数组']);
    expect(
      problemsOf([
        { target: 'a[].x', from: 'L[].X' },
        { target: 'a[].k', const: 1, when: { path: 'M[].Y', exists: true } },
      ]),
    ).toEqual(['fields[1].when.path: 只能遍历本规则来源所遍历的数组（"L[]"）']);
  });

  it('lets one entry of a repeated label be the one it maps back to', () => {
    const table = (entries: unknown[]) => [{ name: 't', version: '1', entries }];
    expect(
      problemsOf([{ target: 'a', from: 'A', codeTable: 't', lookup: 'label-to-code' }], {
        codeTables: table([
          { code: '1', label: 'x', reverse: true },
          { code: '2', label: 'x' },
        ]),
      }),
    ).toEqual([]);
    expect(
      problemsOf([{ target: 'a', from: 'A', codeTable: 't', lookup: 'label-to-code' }], {
        codeTables: table([
          { code: '1', label: 'x' },
          { code: '2', label: 'x' },
        ]),
      }),
    ).toEqual(['fields[0].lookup: 代码表"t"中有多个代码名称相同，按名称查代码（label-to-code）有歧义']);
    expect(
      problemsOf([{ target: 'a', from: 'A', codeTable: 't' }], {
        codeTables: table([
          { code: '1', label: 'x', reverse: true },
          { code: '2', label: 'x', reverse: true },
          { code: '3', label: 'y', reverse: 'yes' },
        ]),
      }),
    ).toEqual([
      'fields[0].codeTable: 未定义的代码表"t"',
      'codeTables[0].entries[1].reverse: 名称"x"已由 entries[0] 标为反查项；每个名称只能标一项',
      'codeTables[0].entries[2].reverse: 只能写 true（标在重复名称反查时对应的那一项上），或者不写',
    ]);
  });
});

describe('code tables shared by several specs', () => {
  it('are read from YAML, checked like inline tables, and pinned by specs with ref', () => {
    const tables = parseCodeTables(
      '- name: 工程类别\n  version: "2025.1"\n  entries:\n    - { code: "01", label: FJ }\n    - { code: "02", label: SZ }\n',
    );
    expect(
      problemsOf(
        [{ target: 'GCLB', from: 'projectType', codeTable: '工程类别' }],
        { codeTables: [{ ref: '工程类别', version: '2025.1' }] },
        [...SHARED_CODE_TABLES, ...tables],
      ),
    ).toEqual([]);
    expect(
      validateCodeTables([
        { name: 't', version: '1', entries: [{ code: 1, label: 'x' }] },
        { name: 't', version: '1', entries: [{ code: '1', label: 'x' }] },
        { name: 't', version: '1', entries: [{ code: '1', label: 'x' }] },
      ]),
    ).toEqual([
      { path: '[0].entries[0].code', message: '必须是非空字符串（YAML 中代码要加引号：写 "01"，不写 01）' },
      { path: '[2].name', message: '代码表"t"的版本"1"重复列出' },
    ]);
    expect(() => parseCodeTables('{ name: t }')).toThrow('必须是代码表列表');
  });
});
