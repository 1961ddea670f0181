import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping, type CompileOptions } from './compile-mapping';
import { CONSTRUCTION_CATEGORIES } from './testing';
import type { FieldRule, MappingSpec } from './mapping-spec';
import type { MappingError, MappingResult } from './mapping-result';

function specWith(fields: FieldRule[], extra: Partial<MappingSpec> = {}): MappingSpec {
  return { name: 'test', version: '1', direction: { source: 'dept', target: 'platform' }, fields, ...extra };
}

function mapWith(fields: FieldRule[], input: unknown, options: CompileOptions & { extra?: Partial<MappingSpec> } = {}): MappingResult {
  return compileMapping(specWith(fields, options.extra), { codeTables: SHARED_CODE_TABLES, ...options }).map(input);
}

function valueOf(result: MappingResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

function errorsOf(result: MappingResult): MappingError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe('paths', () => {
  it('moves values between nested objects', () => {
    const result = mapWith(
      [
        { target: 'applicant.name', from: 'SQR.XM' },
        { target: 'id', from: 'ID' },
      ],
      { SQR: { XM: '张三' }, ID: 7 },
    );
    expect(valueOf(result)).toEqual({ applicant: { name: '张三' }, id: 7 });
  });

  it('maps every element of an array into a target array, keeping positions', () => {
    const result = mapWith(
      [
        { target: 'materials[].code', from: 'CL[].BM' },
        { target: 'materials[].title', from: 'CL[].MC', required: false },
      ],
      { CL: [{ BM: 'M1', MC: '营业执照' }, { BM: 'M2' }] },
    );
    expect(valueOf(result)).toEqual({ materials: [{ code: 'M1', title: '营业执照' }, { code: 'M2' }] });
  });

  it('maps arrays nested in arrays', () => {
    const result = mapWith([{ target: 'groups[].members[].name', from: 'ZU[].CY[].XM' }], {
      ZU: [{ CY: [{ XM: 'a' }, { XM: 'b' }] }, { CY: [] }, { CY: [{ XM: 'c' }] }],
    });
    expect(valueOf(result)).toEqual({
      groups: [{ members: [{ name: 'a' }, { name: 'b' }] }, { members: [] }, { members: [{ name: 'c' }] }],
    });
  });

  it('maps array elements themselves with an empty last segment', () => {
    const result = mapWith([{ target: 'tags[]', from: 'BQ[]' }], { BQ: ['x', 'y'] });
    expect(valueOf(result)).toEqual({ tags: ['x', 'y'] });
  });

  it('reads and writes a fixed array index', () => {
    const result = mapWith([{ target: 'contacts[0].phone', from: 'LXFS[1]' }], { LXFS: ['0635-1', '0635-2'] });
    expect(valueOf(result)).toEqual({ contacts: [{ phone: '0635-2' }] });
  });

  it('writes an empty target array for an empty source array', () => {
    expect(valueOf(mapWith([{ target: 'items[].x', from: 'XM[].X' }], { XM: [] }))).toEqual({ items: [] });
  });

  it('copies whole objects without sharing them with the input', () => {
    const input = { FDDBR: { XM: '张三', DH: ['1'] } };
    const value = valueOf(mapWith([{ target: 'legal', from: 'FDDBR' }], input));
    expect(value).toEqual({ legal: { XM: '张三', DH: ['1'] } });
    (value['legal'] as { DH: string[] }).DH.push('2');
    expect(input.FDDBR.DH).toEqual(['1']);
  });

  it('does not read inherited members such as toString', () => {
    const errors = errorsOf(mapWith([{ target: 'x', from: 'toString' }], {}));
    expect(errors).toEqual([expect.objectContaining({ code: 'missing_required', path: { source: 'toString', target: 'x' } })]);
  });

  it('names the element index of a missing value inside an array', () => {
    const errors = errorsOf(mapWith([{ target: 'holders[].name', from: 'GDXX[].GDMC', label: '股东名称' }], { GDXX: [{ GDMC: 'a' }, {}] }));
    expect(errors).toEqual([
      {
        path: { source: 'GDXX[1].GDMC', target: 'holders[1].name' },
        rule: 'fields[0].from',
        code: 'missing_required',
        message: '缺少必填字段“股东名称”（GDXX[1].GDMC）',
      },
    ]);
  });

  it('refuses a source that should be an array but is not', () => {
    const errors = errorsOf(mapWith([{ target: 'items[].x', from: 'XM[].X' }], { XM: { X: 1 } }));
    expect(errors[0]).toMatchObject({ code: 'not_an_array', path: { source: 'XM', target: 'items' } });
  });

  it('requires a missing source array unless the rule is optional', () => {
    expect(errorsOf(mapWith([{ target: 'items[].x', from: 'XM[].X' }], {}))[0]).toMatchObject({
      code: 'missing_required',
      path: { source: 'XM' },
    });
    expect(valueOf(mapWith([{ target: 'items[].x', from: 'XM[].X', required: false }], {}))).toEqual({});
  });
});

describe('required, default and const', () => {
  it('reports every missing required field by path, not just the first', () => {
    const errors = errorsOf(
      mapWith(
        [
          { target: 'a', from: 'A' },
          { target: 'b', from: 'B.C', label: '名称' },
        ],
        { B: {} },
      ),
    );
    expect(errors.map((error) => error.path)).toEqual([
      { source: 'A', target: 'a' },
      { source: 'B.C', target: 'b' },
    ]);
    expect(errors[1]?.message).toBe('缺少必填字段“名称”（B.C）');
  });

  it('treats null like a missing value', () => {
    expect(errorsOf(mapWith([{ target: 'a', from: 'A' }], { A: null }))[0]?.code).toBe('missing_required');
  });

  it('skips an optional missing field instead of writing null', () => {
    expect(
      valueOf(
        mapWith(
          [
            { target: 'a', from: 'A', required: false },
            { target: 'b', from: 'B' },
          ],
          { B: 1 },
        ),
      ),
    ).toEqual({ b: 1 });
  });

  it('uses the default when the source is missing or null', () => {
    const fields: FieldRule[] = [{ target: 'nationality', from: 'GJ', default: 'CHN' }];
    expect(valueOf(mapWith(fields, {}))).toEqual({ nationality: 'CHN' });
    expect(valueOf(mapWith(fields, { GJ: null }))).toEqual({ nationality: 'CHN' });
    expect(valueOf(mapWith(fields, { GJ: 'HKG' }))).toEqual({ nationality: 'HKG' });
  });

  it('keeps an empty string as a value unless the spec says it is missing', () => {
    const fields: FieldRule[] = [{ target: 'email', from: 'DZYX', required: false }];
    expect(valueOf(mapWith(fields, { DZYX: '' }))).toEqual({ email: '' });
    expect(valueOf(mapWith(fields, { DZYX: '' }, { extra: { emptyStringIsMissing: true } }))).toEqual({});
  });

  it('writes constants, copied so that callers cannot change the next record', () => {
    const compiled = compileMapping(specWith([{ target: 'source', const: { system: 'DCF-SCJGJ', tags: ['a'] } }]));
    const first = valueOf(compiled.map({}));
    (first['source'] as { tags: string[] }).tags.push('b');
    expect(valueOf(compiled.map({}))).toEqual({ source: { system: 'DCF-SCJGJ', tags: ['a'] } });
  });
});

describe('code tables', () => {
  it('maps a GB/T 2261.1 sex code to its label', () => {
    expect(valueOf(mapWith([{ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' }], { XB: '2' }))).toEqual({ sex: '女' });
  });

  it('accepts a numeric code where the table has the text', () => {
    expect(valueOf(mapWith([{ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' }], { XB: 1 }))).toEqual({ sex: '男' });
  });

  it('refuses a sex code that is not in GB/T 2261.1', () => {
    const errors = errorsOf(
      mapWith([{ target: 'applicant.sex', from: 'SQR.XB', label: '性别', codeTable: 'GB/T 2261.1' }], { SQR: { XB: '7' } }),
    );
    expect(errors).toEqual([
      {
        path: { source: 'SQR.XB', target: 'applicant.sex' },
        rule: 'fields[0].codeTable',
        code: 'code_unmapped',
        message: '性别代码"7"不在代码表 GB/T 2261.1 中',
      },
    ]);
  });

  it('does not say 代码 twice when the field is already called a code', () => {
    const errors = errorsOf(
      mapWith([{ target: 'applicant.sex', from: 'SQR.XB', label: '性别代码', codeTable: 'GB/T 2261.1' }], { SQR: { XB: '7' } }),
    );
    expect(errors[0]?.message).toBe('性别代码"7"不在代码表 GB/T 2261.1 中');
  });

  it('looks a label up to its code with label-to-code', () => {
    const fields: FieldRule[] = [{ target: 'division', from: 'XZQH', codeTable: 'GB/T 2260', lookup: 'label-to-code', label: '行政区划' }];
    expect(valueOf(mapWith(fields, { XZQH: '茌平区' }))).toEqual({ division: '371503' });
    expect(errorsOf(mapWith(fields, { XZQH: '茌平县' }))[0]?.message).toBe('行政区划"茌平县"在代码表 GB/T 2260 中没有对应的代码');
  });

  it('passes unknown codes through when told to', () => {
    expect(
      valueOf(mapWith([{ target: 'idType', from: 'ZJLX', codeTable: '证件类型', unmapped: 'pass-through' }], { ZJLX: '999' })),
    ).toEqual({ idType: '999' });
  });

  it('uses the default for unknown codes with unmapped: default', () => {
    const fields: FieldRule[] = [{ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1', unmapped: 'default', default: '未说明' }];
    expect(valueOf(mapWith(fields, { XB: 'X' }))).toEqual({ sex: '未说明' });
    expect(valueOf(mapWith(fields, {}))).toEqual({ sex: '未说明' });
  });

  it('uses an inline table of the spec', () => {
    const extra: Partial<MappingSpec> = { codeTables: [{ name: 'status', version: '1', entries: [{ code: '03', label: 'approved' }] }] };
    expect(valueOf(mapWith([{ target: 'status', from: 'ZT', codeTable: 'status' }], { ZT: '03' }, { extra }))).toEqual({
      status: 'approved',
    });
  });

  it('refuses a code that is neither text nor a number', () => {
    expect(errorsOf(mapWith([{ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' }], { XB: { code: '1' } }))[0]?.code).toBe(
      'invalid_type',
    );
  });
});

describe('dates', () => {
  const date = (from: string, to: string, timeZone = 'Asia/Shanghai'): FieldRule => ({
    target: 'd',
    from: 'D',
    label: '日期',
    date: { from, to, timeZone },
  });
  const convert = (rule: FieldRule, value: unknown) => valueOf(mapWith([rule], { D: value }))['d'];

  it('converts yyyy年MM月dd日 to yyyy-MM-dd', () => {
    expect(convert(date('yyyy年MM月dd日', 'yyyy-MM-dd'), '2026年03月05日')).toBe('2026-03-05');
  });

  it('reads unpadded month and day with M and d', () => {
    expect(convert(date('yyyy年M月d日', 'yyyyMMdd'), '2026年3月5日')).toBe('20260305');
    expect(convert(date('yyyyMMdd', 'yyyy年M月d日'), '20261105')).toBe('2026年11月5日');
  });

  it('writes a local time in Asia/Shanghai as ISO 8601 with +08:00', () => {
    expect(convert(date('yyyy-MM-dd HH:mm:ss', 'iso8601'), '2026-03-05 09:30:00')).toBe('2026-03-05T09:30:00+08:00');
  });

  it('reads ISO 8601 with any offset and writes it in the rule zone', () => {
    expect(convert(date('iso8601', 'yyyy-MM-dd HH:mm:ss'), '2026-03-05T01:30:00Z')).toBe('2026-03-05 09:30:00');
    expect(convert(date('iso8601', 'iso8601', '+00:00'), '2026-03-05T09:30:00.250+08:00')).toBe('2026-03-05T01:30:00.250Z');
  });

  it('converts epoch milliseconds and seconds', () => {
    expect(convert(date('epoch-millis', 'iso8601'), 1772412000000)).toBe('2026-03-02T08:40:00+08:00');
    expect(convert(date('epoch-millis', 'iso8601'), '1772412000000')).toBe('2026-03-02T08:40:00+08:00');
    expect(convert(date('yyyy-MM-dd HH:mm:ss', 'epoch-seconds'), '2026-03-02 08:40:00')).toBe(1772412000);
    expect(convert(date('yyyyMMdd', 'epoch-millis', 'UTC'), '19700102')).toBe(86_400_000);
  });

  it('moves a date across midnight when the zone says so', () => {
    expect(convert(date('iso8601', 'yyyy-MM-dd'), '2026-03-04T20:00:00Z')).toBe('2026-03-05');
    expect(convert(date('iso8601', 'yyyy-MM-dd', '-05:00'), '2026-03-05T03:00:00Z')).toBe('2026-03-04');
  });

  it('keeps a 1988 birth date in Asia/Shanghai, ignoring the DST of those years', () => {
    expect(convert(date('yyyyMMdd', 'yyyy-MM-dd'), '19880601')).toBe('1988-06-01');
  });

  it('accepts 29 February only in leap years', () => {
    expect(convert(date('yyyyMMdd', 'yyyy-MM-dd'), '20240229')).toBe('2024-02-29');
    const errors = errorsOf(mapWith([date('yyyyMMdd', 'yyyy-MM-dd')], { D: '20260229' }));
    expect(errors[0]).toMatchObject({
      code: 'invalid_date',
      rule: 'fields[0].date',
      message: '日期"20260229"不是格式为 yyyyMMdd 的有效日期',
    });
  });

  it('refuses text in another format, times out of range and non-text values', () => {
    for (const bad of ['2026-03-05', '2026年13月01日', '2026年03月05', 20260305, true]) {
      expect(errorsOf(mapWith([date('yyyy年MM月dd日', 'yyyy-MM-dd')], { D: bad }))[0]?.code).toBe('invalid_date');
    }
    expect(errorsOf(mapWith([date('yyyy-MM-dd HH:mm:ss', 'iso8601')], { D: '2026-03-05 24:00:00' }))[0]?.code).toBe('invalid_date');
  });

  it('accepts a JavaScript Date from in-process callers', () => {
    expect(convert(date('iso8601', 'yyyy-MM-dd'), new Date('2026-03-05T00:00:00+08:00'))).toBe('2026-03-05');
  });
});

describe('numbers', () => {
  const number = (conversion: FieldRule['number']): FieldRule => ({ target: 'n', from: 'N', label: '注册资本', number: conversion });
  const convert = (rule: FieldRule, value: unknown) => valueOf(mapWith([rule], { N: value }))['n'];

  it('scales 万元 to 元 exactly', () => {
    expect(convert(number({ from: '万元', to: '元' }), 123.45)).toBe(1234500);
    expect(convert(number({ from: '万元', to: '元' }), '0.0001')).toBe(1);
    expect(convert(number({ from: '元', to: '万元' }), 1234500)).toBe(123.45);
  });

  it('converts percentages to ratios', () => {
    expect(convert(number({ from: '%', to: 'ratio' }), 60)).toBe(0.6);
  });

  it('multiplies by any factor', () => {
    expect(convert(number({ multiply: 0.5 }), 3)).toBe(1.5);
  });

  it('rounds to the given decimals, half up by default', () => {
    expect(convert(number({ from: '元', to: '万元', decimals: 2 }), 12345)).toBe(1.23);
    expect(convert(number({ from: '元', to: '万元', decimals: 2 }), 12350)).toBe(1.24);
    expect(convert(number({ from: '元', to: '万元', decimals: 2 }), -12350)).toBe(-1.24);
    expect(convert(number({ decimals: 0, rounding: 'half-even' }), 2.5)).toBe(2);
    expect(convert(number({ decimals: 0, rounding: 'half-even' }), 3.5)).toBe(4);
    expect(convert(number({ decimals: 0, rounding: 'down' }), 2.9)).toBe(2);
    expect(convert(number({ decimals: 0, rounding: 'up' }), 2.1)).toBe(3);
  });

  it('refuses to lose digits with rounding: exact', () => {
    const errors = errorsOf(mapWith([number({ from: '元', to: '万元', decimals: 2, rounding: 'exact' })], { N: 12345 }));
    expect(errors[0]).toMatchObject({ code: 'precision_loss', rule: 'fields[0].number' });
  });

  it('writes fixed decimals as text', () => {
    expect(convert(number({ from: '万元', to: '元', decimals: 2, output: 'string' }), 500)).toBe('5000000.00');
    expect(convert(number({ output: 'string' }), 1e21)).toBe('1000000000000000000000');
  });

  it('refuses a number a JSON number cannot hold exactly', () => {
    expect(errorsOf(mapWith([number({ from: '元', to: '分' })], { N: '1234567890123456.78' }))[0]?.code).toBe('precision_loss');
    expect(convert(number({ from: '元', to: '分', output: 'string' }), '1234567890123456.78')).toBe('123456789012345678');
  });

  it('refuses text that is not a number', () => {
    for (const bad of ['五百', '1,000', '', true, 'NaN']) {
      const errors = errorsOf(mapWith([number({ from: '万元', to: '元' })], { N: bad }));
      expect(errors[0]?.code).toBe('invalid_number');
    }
  });
});

describe('concat and split', () => {
  it('joins several sources with a separator', () => {
    const rule: FieldRule = { target: 'phone', concat: ['QH', 'HM'], separator: '-' };
    expect(valueOf(mapWith([rule], { QH: '0635', HM: 8123456 }))).toEqual({ phone: '0635-8123456' });
    expect(errorsOf(mapWith([rule], { QH: '0635' }))[0]).toMatchObject({
      code: 'missing_required',
      path: { source: 'HM', target: 'phone' },
    });
  });

  it('keeps positions of missing optional parts and skips the target when all are missing', () => {
    const rule: FieldRule = { target: 'address', concat: ['S', 'SHI', 'X'], separator: '|', required: false };
    expect(valueOf(mapWith([rule], { S: '山东省', X: '东昌府区' }))).toEqual({ address: '山东省||东昌府区' });
    expect(valueOf(mapWith([rule], {}))).toEqual({});
  });

  it('splits one source into several targets, the last taking the rest', () => {
    const rule: FieldRule = { split: 'HYDM', separator: '|', targets: ['industry.code', 'industry.name'] };
    expect(valueOf(mapWith([rule], { HYDM: 'I6513|应用软件开发' }))).toEqual({ industry: { code: 'I6513', name: '应用软件开发' } });
    expect(valueOf(mapWith([rule], { HYDM: 'I6513|a|b' }))).toEqual({ industry: { code: 'I6513', name: 'a|b' } });
  });

  it('refuses a value with too few parts', () => {
    const errors = errorsOf(mapWith([{ split: 'HYDM', separator: '|', targets: ['a', 'b'], label: '行业' }], { HYDM: 'I6513' }));
    expect(errors[0]).toMatchObject({
      code: 'split_parts',
      path: { source: 'HYDM', target: 'a, b' },
      message: '行业“I6513”按分隔符“|”拆分后只有 1 段，需要 2 段',
    });
  });

  it('concatenates and splits inside arrays', () => {
    const result = mapWith(
      [
        { target: 'people[].name', concat: ['RY[].X', 'RY[].M'], separator: ' ' },
        { split: 'RY[].DZ', separator: '/', targets: ['people[].city', 'people[].district'] },
      ],
      { RY: [{ X: '张', M: '三', DZ: '聊城市/东昌府区' }] },
    );
    expect(valueOf(result)).toEqual({ people: [{ name: '张 三', city: '聊城市', district: '东昌府区' }] });
  });
});

describe('conditions', () => {
  it('skips a rule whose condition does not hold', () => {
    const fields: FieldRule[] = [{ target: 'agent', from: 'DLR', when: { path: 'SFDL', equals: '1' } }];
    expect(valueOf(mapWith(fields, { SFDL: '0' }))).toEqual({});
    expect(valueOf(mapWith(fields, { SFDL: 1, DLR: '李四' }))).toEqual({ agent: '李四' });
  });

  it('does not require the source of a skipped rule', () => {
    expect(valueOf(mapWith([{ target: 'agent', from: 'DLR', when: { path: 'SFDL', equals: '1' } }], { SFDL: '0' }))).toEqual({});
  });

  it('chooses the first matching rule among rules for the same target', () => {
    const fields: FieldRule[] = [
      { target: 'until', const: 'indefinite', when: { path: 'YYQX', equals: '长期' } },
      { target: 'until', const: 'unknown', when: { path: 'YYQX', exists: false } },
      { target: 'until', from: 'YYQX', date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: 'Asia/Shanghai' } },
    ];
    expect(valueOf(mapWith(fields, { YYQX: '长期' }))).toEqual({ until: 'indefinite' });
    expect(valueOf(mapWith(fields, {}))).toEqual({ until: 'unknown' });
    expect(valueOf(mapWith(fields, { YYQX: '2046年03月04日' }))).toEqual({ until: '2046-03-04' });
  });

  it('tests membership with in', () => {
    const fields: FieldRule[] = [{ target: 'done', const: true, when: { path: 'ZT', in: ['03', '04'] } }];
    expect(valueOf(mapWith(fields, { ZT: '04' }))).toEqual({ done: true });
    expect(valueOf(mapWith(fields, { ZT: '01' }))).toEqual({});
  });

  it('evaluates conditions per array element', () => {
    const fields: FieldRule[] = [
      { target: 'holders[].idNumber', from: 'GD[].ZJHM', when: { path: 'GD[].LX', equals: '自然人股东' } },
      { target: 'holders[].idNumber', from: 'GD[].TYSHXYDM' },
    ];
    const result = mapWith(fields, {
      GD: [
        { LX: '自然人股东', ZJHM: '371502198507120310' },
        { LX: '企业法人股东', TYSHXYDM: '91371502MA3C8K2X10' },
      ],
    });
    expect(valueOf(result)).toEqual({ holders: [{ idNumber: '371502198507120310' }, { idNumber: '91371502MA3C8K2X10' }] });
  });

  it('skips a whole array when a record-level condition does not hold', () => {
    const fields: FieldRule[] = [{ target: 'holders[].name', from: 'GD[].MC', when: { path: 'LX', equals: 'company' } }];
    expect(valueOf(mapWith(fields, { LX: 'person', GD: [{ MC: 'a' }] }))).toEqual({});
  });
});

describe('limits', () => {
  const fields: FieldRule[] = [{ target: 'x', from: 'X', required: false }];

  it('refuses input nested deeper than the limit', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 40; level += 1) {
      const next = {};
      deep['a'] = next;
      deep = next;
    }
    const errors = errorsOf(mapWith(fields, root));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'depth_exceeded', rule: 'limits.maxDepth' });
    expect(errors[0]?.path.source).toMatch(/^a\.a\.a/);
  });

  it('survives cyclic input', () => {
    const cyclic: Record<string, unknown> = { X: 1 };
    cyclic['self'] = cyclic;
    expect(errorsOf(mapWith(fields, cyclic))[0]?.code).toBe('depth_exceeded');
  });

  it('survives input nested far deeper than the stack, even with an unwise depth limit', () => {
    let deep: unknown[] = [];
    const root = { X: deep };
    for (let level = 0; level < 100_000; level += 1) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(errorsOf(mapWith(fields, root))[0]?.code).toBe('depth_exceeded');
    expect(errorsOf(mapWith(fields, root, { limits: { maxDepth: 1_000_000 } }))[0]?.code).toBe('internal_error');
  });

  it('refuses arrays and strings longer than configured', () => {
    const limits = { maxArrayLength: 3, maxStringLength: 5 };
    expect(errorsOf(mapWith(fields, { L: [1, 2, 3, 4] }, { limits }))[0]).toMatchObject({ code: 'array_too_long', path: { source: 'L' } });
    expect(errorsOf(mapWith(fields, { L: [{ S: '123456' }] }, { limits }))[0]).toMatchObject({
      code: 'string_too_long',
      path: { source: 'L[0].S' },
    });
    expect(valueOf(mapWith(fields, { L: [1, 2, 3], S: '12345' }, { limits }))).toEqual({});
  });

  it('refuses input with too many values in all', () => {
    expect(
      errorsOf(mapWith(fields, { L: Array.from({ length: 50 }, (_, index) => ({ index })) }, { limits: { maxNodes: 60 } }))[0]?.code,
    ).toBe('input_too_large');
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'x', 3, [], undefined]) expect(errorsOf(mapWith(fields, input))[0]?.code).toBe('invalid_input');
  });

  it('lists at most maxErrors errors and says how many more there were', () => {
    const errors = errorsOf(
      mapWith([{ target: 'x[].y', from: 'X[].Y' }], { X: Array.from({ length: 10 }, () => ({})) }, { limits: { maxErrors: 3 } }),
    );
    expect(errors).toHaveLength(4);
    expect(errors[3]).toMatchObject({ code: 'too_many_errors', message: '错误过多，另有 7 条未列出' });
  });

  it('uses the defaults when no limits are given', () => {
    expect(compileMapping(specWith(fields)).limits).toEqual({
      maxDepth: 32,
      maxArrayLength: 10_000,
      maxStringLength: 1_000_000,
      maxNodes: 1_000_000,
      maxErrors: 100,
    });
  });
});

describe('compiled mapper', () => {
  it('does not change its input', () => {
    const input = { A: { B: '1' }, L: [{ X: '2' }] };
    const copy = structuredClone(input);
    valueOf(
      mapWith(
        [
          { target: 'b', from: 'A.B' },
          { target: 'l[].x', from: 'L[].X', codeTable: 'GB/T 2261.1' },
        ],
        input,
      ),
    );
    expect(input).toEqual(copy);
  });

  it('maps many records with one compilation, independently', () => {
    const compiled = compileMapping(specWith([{ target: 'list[].v', from: 'L[].V' }]));
    expect(valueOf(compiled.map({ L: [{ V: 1 }, { V: 2 }] }))).toEqual({ list: [{ v: 1 }, { v: 2 }] });
    expect(valueOf(compiled.map({ L: [{ V: 3 }] }))).toEqual({ list: [{ v: 3 }] });
  });

  it('reports a getter that throws as an error instead of crashing', () => {
    const input = Object.defineProperty({}, 'X', {
      enumerable: false,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(mapWith([{ target: 'x', from: 'X' }], input))[0]?.code).toBe('internal_error');
  });
});

describe('yes/no', () => {
  const toText: FieldRule = {
    target: 'SFZDXM',
    from: 'keyProject',
    label: '是否重点项目',
    boolean: { true: '是', false: '否', to: 'text' },
  };
  const toBoolean: FieldRule = {
    target: 'keyProject',
    from: 'SFZDXM',
    label: '是否重点项目',
    boolean: { true: 'Y', false: 'N', to: 'boolean' },
  };

  it('writes platform booleans as the department words', () => {
    expect(valueOf(mapWith([toText], { keyProject: true }))).toEqual({ SFZDXM: '是' });
    expect(valueOf(mapWith([toText], { keyProject: false }))).toEqual({ SFZDXM: '否' });
  });

  it('reads the department words, and booleans sent as booleans, back', () => {
    expect(valueOf(mapWith([toBoolean], { SFZDXM: 'Y' }))).toEqual({ keyProject: true });
    expect(valueOf(mapWith([toBoolean], { SFZDXM: ' N ' }))).toEqual({ keyProject: false });
    expect(valueOf(mapWith([toBoolean], { SFZDXM: true }))).toEqual({ keyProject: true });
  });

  it('reads 1/0 whether the department sends them as text or numbers, and writes them as configured', () => {
    const read: FieldRule = { target: 'yes', from: 'BZ', boolean: { true: 1, false: 0, to: 'boolean' } };
    expect(valueOf(mapWith([read], { BZ: '1' }))).toEqual({ yes: true });
    expect(valueOf(mapWith([read], { BZ: 0 }))).toEqual({ yes: false });
    expect(valueOf(mapWith([{ target: 'BZ', from: 'yes', boolean: { true: 1, false: 0, to: 'text' } }], { yes: true }))).toEqual({ BZ: 1 });
  });

  it('refuses a word the department does not use, and text where a boolean is expected', () => {
    expect(errorsOf(mapWith([toBoolean], { SFZDXM: '是' }))).toEqual([
      {
        path: { source: 'SFZDXM', target: 'keyProject' },
        rule: 'fields[0].boolean',
        code: 'invalid_boolean',
        message: '是否重点项目"是"应为“Y”或“N”',
      },
    ]);
    expect(errorsOf(mapWith([toText], { keyProject: 'true' }))).toEqual([
      expect.objectContaining({ code: 'invalid_boolean', message: '是否重点项目应为是或否（布尔值），实际为文本“true”' }),
    ]);
  });
});

describe('range and length checks', () => {
  const area: FieldRule = { target: 'JZMJ', from: 'floorArea', label: '建筑面积', range: { min: 0.01, max: 9999999.99 } };
  const name: FieldRule = { target: 'XMMC', from: 'projectName', label: '项目名称', length: { min: 2, max: 10 } };

  it('passes values within the bounds, compared as exact decimals', () => {
    expect(valueOf(mapWith([area], { floorArea: '0.01' }))).toEqual({ JZMJ: '0.01' });
    expect(valueOf(mapWith([area], { floorArea: 9999999.99 }))).toEqual({ JZMJ: 9999999.99 });
  });

  it('refuses a number outside the range, naming the bound', () => {
    expect(errorsOf(mapWith([area], { floorArea: 0 }))).toEqual([
      {
        path: { source: 'floorArea', target: 'JZMJ' },
        rule: 'fields[0].range',
        code: 'out_of_range',
        message: '建筑面积0 小于允许的最小值 0.01',
      },
    ]);
    expect(errorsOf(mapWith([area], { floorArea: '10000000' }))).toEqual([
      expect.objectContaining({ code: 'out_of_range', message: '建筑面积10000000 大于允许的最大值 9999999.99' }),
    ]);
    expect(errorsOf(mapWith([area], { floorArea: '约500' }))).toEqual([
      expect.objectContaining({ code: 'invalid_number', rule: 'fields[0].range' }),
    ]);
  });

  it('checks the value after its conversion', () => {
    const price: FieldRule = {
      target: 'HTJG',
      from: 'contractPrice',
      label: '合同价格',
      number: { from: '元', to: '万元' },
      range: { max: 100000 },
    };
    expect(valueOf(mapWith([price], { contractPrice: '1000000000' }))).toEqual({ HTJG: 100000 });
    expect(errorsOf(mapWith([price], { contractPrice: '1000000001' }))).toEqual([
      expect.objectContaining({ code: 'out_of_range', rule: 'fields[0].range' }),
    ]);
  });

  it('counts characters as people do (one per code point) and refuses text too long or too short', () => {
    expect(valueOf(mapWith([name], { projectName: '𠮷'.repeat(10) }))).toEqual({ XMMC: '𠮷'.repeat(10) });
    expect(errorsOf(mapWith([name], { projectName: '聊城市东昌府区人民医院新院区建设项目' }))).toEqual([
      {
        path: { source: 'projectName', target: 'XMMC' },
        rule: 'fields[0].length',
        code: 'too_long',
        message: '项目名称长度为 18 个字符，超过了 10 个字符的上限',
      },
    ]);
    expect(errorsOf(mapWith([name], { projectName: '院' }))).toEqual([
      expect.objectContaining({ code: 'too_short', message: '项目名称长度为 1 个字符，少于 2 个字符的下限' }),
    ]);
  });

  it('checks the length of joined text', () => {
    const address: FieldRule = { target: 'JSDZ', concat: ['division', 'detail'], separator: '', label: '建设地址', length: { max: 8 } };
    expect(valueOf(mapWith([address], { division: '东昌府区', detail: '柳园街道' }))).toEqual({ JSDZ: '东昌府区柳园街道' });
    expect(errorsOf(mapWith([address], { division: '东昌府区', detail: '柳园街道办事处' }))).toEqual([
      expect.objectContaining({ code: 'too_long', rule: 'fields[0].length' }),
    ]);
  });
});

describe('constants inside array elements', () => {
  it('writes the constant into every element the other rules of that array write', () => {
    const result = mapWith(
      [
        { target: 'CLQD[].CLBM', from: 'materials[].code' },
        { target: 'CLQD[].CLLY', const: '一窗受理' },
      ],
      { materials: [{ code: 'M01' }, { code: 'M02' }] },
    );
    expect(valueOf(result)).toEqual({
      CLQD: [
        { CLBM: 'M01', CLLY: '一窗受理' },
        { CLBM: 'M02', CLLY: '一窗受理' },
      ],
    });
  });

  it('follows conditions on the element and writes nothing for an empty or missing array', () => {
    const fields: FieldRule[] = [
      { target: 'DW[].MC', from: 'units[].name' },
      { target: 'DW[].LX', const: '施工单位', when: { path: 'units[].role', equals: 'contractor' } },
      { target: 'DW[].LX', const: '其他' },
    ];
    const result = mapWith(fields, {
      units: [
        { name: '山东水城建工集团有限公司', role: 'contractor' },
        { name: '聊城市建设监理有限公司', role: 'supervisor' },
      ],
    });
    expect(valueOf(result)).toEqual({
      DW: [
        { MC: '山东水城建工集团有限公司', LX: '施工单位' },
        { MC: '聊城市建设监理有限公司', LX: '其他' },
      ],
    });
    expect(valueOf(mapWith(fields, { units: [] }))).toEqual({ DW: [] });
    expect(errorsOf(mapWith(fields, {}))).toEqual([
      expect.objectContaining({ code: 'missing_required', path: { source: 'units', target: 'DW' } }),
    ]);
  });
});

describe('many-to-one code tables with the reverse declared', () => {
  const codeTables = [CONSTRUCTION_CATEGORIES];

  it('files several platform codes under one department code, and reads each department code back as the declared one', () => {
    const forward = (kind: string) =>
      valueOf(mapWith([{ target: 'GCLB', from: 'kind', codeTable: '住建局工程类别' }], { kind }, { extra: { codeTables } }));
    expect([forward('housing'), forward('public-building'), forward('municipal-bridge')]).toEqual([
      { GCLB: '01' },
      { GCLB: '01' },
      { GCLB: '02' },
    ]);
    const back = (GCLB: string) =>
      valueOf(
        mapWith(
          [{ target: 'kind', from: 'GCLB', codeTable: '住建局工程类别', lookup: 'label-to-code' }],
          { GCLB },
          { extra: { codeTables } },
        ),
      );
    expect([back('01'), back('02'), back('03')]).toEqual([{ kind: 'housing' }, { kind: 'municipal-road' }, { kind: 'decoration' }]);
  });
});
