import fc from 'fast-check';
import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping } from './compile-mapping';
import { checkRoundTrip, deriveReverse } from './derive-reverse';
import type { FieldRule, MappingSpec } from './mapping-spec';
import { CONSTRUCTION_CATEGORIES } from './testing';
import type { MappingResult } from './mapping-result';

const options = { codeTables: SHARED_CODE_TABLES };

function specWith(fields: FieldRule[], extra: Partial<MappingSpec> = {}): MappingSpec {
  return { name: 'test', version: '1', direction: { source: 'dept', target: 'platform' }, fields, ...extra };
}

function valueOf(result: MappingResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

function reverseFields(fields: FieldRule[], extra: Partial<MappingSpec> = {}) {
  return deriveReverse(specWith(fields, extra), options);
}

describe('deriveReverse', () => {
  it('swaps the direction and keeps name, version and code tables', () => {
    const codeTables = [{ ref: 'GB/T 2261.1', version: '2003' }];
    const { spec } = reverseFields([{ target: 'a', from: 'A' }], { codeTables, emptyStringIsMissing: true });
    expect(spec).toEqual({
      name: 'test (reverse)',
      version: '1',
      direction: { source: 'platform', target: 'dept' },
      emptyStringIsMissing: true,
      codeTables,
      fields: [{ target: 'A', from: 'a' }],
    });
  });

  it('inverts path moves, including arrays, and keeps labels and optionality', () => {
    const { spec, report } = reverseFields([
      { target: 'applicant.name', from: 'SQR.XM', label: '姓名' },
      { target: 'materials[].code', from: 'CL[].BM', required: false },
    ]);
    expect(spec.fields).toEqual([
      { target: 'SQR.XM', from: 'applicant.name', label: '姓名' },
      { target: 'CL[].BM', from: 'materials[].code', required: false },
    ]);
    expect(report.notInvertible).toEqual([]);
    expect(report.reversed.map((field) => field.reverseField)).toEqual(['fields[0]', 'fields[1]']);
  });

  it('inverts a one-to-one code table by looking the label up', () => {
    const { spec } = reverseFields([{ target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' }]);
    expect(spec.fields).toEqual([{ target: 'XB', from: 'sex', codeTable: 'GB/T 2261.1', lookup: 'label-to-code', unmapped: 'error' }]);
    const back = compileMapping(spec, options).map({ sex: '女' });
    expect(valueOf(back)).toEqual({ XB: '2' });
  });

  it('does not invert a many-to-one code table', () => {
    const codeTables = [
      {
        name: 'status',
        version: '1',
        entries: [
          { code: '02', label: 'in-review' },
          { code: '06', label: 'in-review' },
        ],
      },
    ];
    const { spec, report } = reverseFields(
      [
        { target: 'status', from: 'ZT', codeTable: 'status' },
        { target: 'x', from: 'X' },
      ],
      { codeTables },
    );
    expect(spec.fields).toEqual([{ target: 'X', from: 'x' }]);
    expect(report.notInvertible).toEqual([
      {
        field: 'fields[0]',
        target: 'status',
        reason: 'many-to-one-code-table',
        message: '代码表 status 把多个代码对应到"in-review"，且没有一项标 reverse: true，无法还原代码',
      },
    ]);
  });

  it('inverts a many-to-one code table whose repeated labels declare their reverse, saying which codes collapse', () => {
    const codeTables = [CONSTRUCTION_CATEGORIES];
    const { spec, report } = reverseFields([{ target: 'GCLB', from: 'kind', codeTable: '住建局工程类别' }], { codeTables });
    expect(spec.fields).toEqual([
      { target: 'kind', from: 'GCLB', codeTable: '住建局工程类别', lookup: 'label-to-code', unmapped: 'error' },
    ]);
    expect(report.notInvertible).toEqual([]);
    expect(report.reversed).toEqual([
      {
        field: 'fields[0]',
        reverseField: 'fields[0]',
        target: 'GCLB',
        caveat: 'public-building 还原为 housing（名称都是"01"）；municipal-bridge 还原为 municipal-road（名称都是"02"）',
      },
    ]);
    expect(valueOf(compileMapping(spec, options).map({ GCLB: '01' }))).toEqual({ kind: 'housing' });
  });

  it('inverts yes/no by swapping its direction', () => {
    const { spec } = reverseFields([{ target: 'SFZD', from: 'key', boolean: { true: '是', false: '否', to: 'text' } }]);
    expect(spec.fields).toEqual([{ target: 'key', from: 'SFZD', boolean: { true: '是', false: '否', to: 'boolean' } }]);
    expect(valueOf(compileMapping(spec, options).map({ SFZD: '否' }))).toEqual({ key: false });
  });

  it('leaves range and length checks to the direction they are written for', () => {
    const { spec, report } = reverseFields([
      { target: 'MC', from: 'name', length: { max: 50 } },
      { target: 'MJ', from: 'area', range: { min: 0 } },
    ]);
    expect(spec.fields).toEqual([
      { target: 'name', from: 'MC' },
      { target: 'area', from: 'MJ' },
    ]);
    expect(report.notInvertible).toEqual([]);
  });

  it('lists a constant inside array elements as not invertible', () => {
    const { report } = reverseFields([
      { target: 'CL[].BM', from: 'materials[].code' },
      { target: 'CL[].LY', const: '一窗受理' },
    ]);
    expect(report.notInvertible).toEqual([expect.objectContaining({ field: 'fields[1]', target: 'CL[].LY', reason: 'constant' })]);
  });

  it('lists constants, defaults, conditions and unmapped defaults as not invertible', () => {
    const { report } = reverseFields([
      { target: 'a', const: 1 },
      { target: 'b', from: 'B', default: 'x' },
      { target: 'c', from: 'C', when: { path: 'K', exists: true } },
      { target: 'c', from: 'D' },
      { target: 'e', from: 'E', codeTable: 'GB/T 2261.1', unmapped: 'default', default: '未说明' },
      { target: 'f', from: 'F' },
    ]);
    expect(report.notInvertible.map((field) => [field.field, field.reason])).toEqual([
      ['fields[0]', 'constant'],
      ['fields[1]', 'default'],
      ['fields[2]', 'condition'],
      ['fields[3]', 'condition'],
      ['fields[4]', 'unmapped-default'],
    ]);
    expect(report.reversed.map((field) => field.field)).toEqual(['fields[5]']);
  });

  it('inverts date conversions unless the target format is coarser', () => {
    const { spec, report } = reverseFields([
      { target: 'a', from: 'A', date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: 'Asia/Shanghai' } },
      { target: 'b', from: 'B', date: { from: 'yyyy-MM-dd HH:mm:ss', to: 'yyyyMMdd', timeZone: 'Asia/Shanghai' } },
    ]);
    expect(spec.fields).toEqual([
      { target: 'A', from: 'a', date: { from: 'yyyy-MM-dd', to: 'yyyy年MM月dd日', timeZone: 'Asia/Shanghai' } },
    ]);
    expect(report.notInvertible).toEqual([
      {
        field: 'fields[1]',
        target: 'b',
        reason: 'lossy-date-format',
        message: 'yyyyMMdd 只精确到日，丢失了 yyyy-MM-dd HH:mm:ss 精确到秒的信息',
      },
    ]);
  });

  it('inverts unit scaling and multipliers with a finite decimal inverse, not lossy rounding', () => {
    const { spec, report } = reverseFields([
      {
        target: 'a',
        from: 'A',
        number: { from: '万元', to: '元', decimals: 2, rounding: 'exact', output: 'string', sourceType: 'number' },
      },
      { target: 'b', from: 'B', number: { multiply: 0.25 } },
      { target: 'c', from: 'C', number: { multiply: 3 } },
      { target: 'd', from: 'D', number: { from: '元', to: '万元', decimals: 2 } },
    ]);
    expect(spec.fields).toEqual([
      { target: 'A', from: 'a', number: { from: '元', to: '万元', output: 'number', sourceType: 'string' } },
      { target: 'B', from: 'b', number: { multiply: 4, output: 'number', sourceType: 'number' } },
    ]);
    expect(report.notInvertible.map((field) => [field.field, field.reason])).toEqual([
      ['fields[2]', 'inexact-multiplier'],
      ['fields[3]', 'lossy-rounding'],
    ]);
  });

  it('turns concat into split and split into concat', () => {
    const { spec, report } = reverseFields([
      { target: 'phone', concat: ['QH', 'HM'], separator: '-' },
      { split: 'HYDM', separator: '|', targets: ['industry.code', 'industry.name'] },
      { target: 'name', concat: ['X', 'M'], separator: '' },
    ]);
    expect(spec.fields).toEqual([
      { targets: ['QH', 'HM'], split: 'phone', separator: '-' },
      { target: 'HYDM', concat: ['industry.code', 'industry.name'], separator: '|' },
    ]);
    expect(report.reversed[0]?.caveat).toBe('各部分（最后一部分除外）不能包含"-"');
    expect(report.notInvertible.map((field) => field.reason)).toEqual(['empty-separator']);
  });

  it('restores a source read by several rules only once', () => {
    const { spec, report } = reverseFields([
      { target: 'sex', from: 'XB' },
      { target: 'sexName', from: 'XB', codeTable: 'GB/T 2261.1' },
      { target: 'legal', from: 'FDDBR' },
      { target: 'legalName', from: 'FDDBR.XM' },
    ]);
    expect(spec.fields.map((field) => field.target)).toEqual(['XB', 'FDDBR']);
    expect(report.notInvertible.map((field) => [field.field, field.reason, field.message])).toEqual([
      ['fields[1]', 'source-already-restored', 'XB 已由 fields[0] 还原'],
      ['fields[3]', 'path-conflict', 'FDDBR.XM 与 fields[2] 还原的 FDDBR 重叠'],
    ]);
  });

  it('gives back the original spec when reversed twice', () => {
    const fields: FieldRule[] = [
      { target: 'a.b', from: 'A', label: '甲' },
      { target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1', unmapped: 'error' },
      { target: 'd', from: 'D', date: { from: "yyyyMMdd'T'HHmmss.SSS", to: 'iso8601', timeZone: '+08:00' } },
      { target: 'n', from: 'N', number: { from: '万元', to: '元', output: 'number', sourceType: 'number' } },
      { target: 'p', concat: ['P1', 'P2'], separator: '-' },
    ];
    const twice = deriveReverse(deriveReverse(specWith(fields), options).spec, options).spec;
    expect(twice.fields).toEqual([
      { target: 'a.b', from: 'A', label: '甲' },
      { target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1', lookup: 'code-to-label', unmapped: 'error' },
      { target: 'd', from: 'D', date: { from: "yyyyMMdd'T'HHmmss.SSS", to: 'iso8601', timeZone: '+08:00' } },
      { target: 'n', from: 'N', number: { from: '万元', to: '元', output: 'number', sourceType: 'number' } },
      { target: 'p', concat: ['P1', 'P2'], separator: '-' },
    ]);
  });
});

describe('checkRoundTrip', () => {
  it('passes when every invertible field comes back equal', () => {
    const report = checkRoundTrip(
      specWith([
        { target: 'name', from: 'XM' },
        { target: 'sex', from: 'XB', codeTable: 'GB/T 2261.1' },
        { target: 'source', const: 'dept' },
      ]),
      { XM: '张三', XB: '1' },
      options,
    );
    expect(report.ok).toBe(true);
    expect(report.differences).toEqual([]);
    expect(report.notInvertible.map((field) => field.target)).toEqual(['source']);
  });

  it('reports which fields differ after the round trip', () => {
    const report = checkRoundTrip(
      specWith([
        { target: 'phone', concat: ['QH', 'HM'], separator: '-' },
        { target: 'd', from: 'D', date: { from: 'yyyy年M月d日', to: 'yyyy-MM-dd', timeZone: 'Asia/Shanghai' } },
      ]),
      { QH: '0635-1', HM: '8123456', D: '2026年03月05日' },
      options,
    );
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([
      { path: 'QH', original: '0635-1', roundTripped: '0635' },
      { path: 'HM', original: '8123456', roundTripped: '1-8123456' },
      { path: 'D', original: '2026年03月05日', roundTripped: '2026年3月5日' },
    ]);
  });

  it('lists sample values that no rule reads', () => {
    const report = checkRoundTrip(
      specWith([
        { target: 'a', from: 'A' },
        { target: 'l[].x', from: 'L[].X' },
      ]),
      { A: 1, B: 2, L: [{ X: 1, Y: 2 }], E: null },
      options,
    );
    expect(report.unreadSourcePaths).toEqual(['B', 'L[0].Y']);
  });

  it('reports the forward errors when the sample does not map', () => {
    const report = checkRoundTrip(specWith([{ target: 'a', from: 'A' }]), {}, options);
    expect(report.ok).toBe(false);
    expect(report.forward.ok).toBe(false);
    expect(report.backward).toBeUndefined();
  });
});

describe('round trips of invertible specs (property)', () => {
  const invertible = specWith([
    { target: 'applicationNo', from: 'YWLSH' },
    { target: 'enterprise.name', from: 'QYXX.QYMC', label: '企业名称' },
    { target: 'enterprise.capital', from: 'QYXX.ZCZB', number: { from: '万元', to: '元', decimals: 2, rounding: 'exact' } },
    {
      target: 'enterprise.establishedOn',
      from: 'QYXX.CLRQ',
      date: { from: 'yyyy年MM月dd日', to: 'yyyy-MM-dd', timeZone: 'Asia/Shanghai' },
    },
    { target: 'acceptedAt', from: 'SLSJ', date: { from: 'yyyy-MM-dd HH:mm:ss', to: 'iso8601', timeZone: 'Asia/Shanghai' } },
    { target: 'enterprise.divisionName', from: 'QYXX.ZSXZQH', codeTable: 'GB/T 2260' },
    { target: 'enterprise.landline', concat: ['QYXX.QH', 'QYXX.HM'], separator: '-' },
    { split: 'QYXX.HYDM', separator: '|', targets: ['enterprise.industry.code', 'enterprise.industry.name'] },
    { target: 'legal.sex', from: 'FDDBR.XB', codeTable: 'GB/T 2261.1' },
    { target: 'legal.note', from: 'FDDBR.BZ', required: false },
    { target: 'holders[].name', from: 'GDXX[].GDMC' },
    { target: 'holders[].ratio', from: 'GDXX[].CZBL', number: { from: '%', to: 'ratio' } },
    { target: 'holders[].idType', from: 'GDXX[].ZJLX', codeTable: '证件类型' },
    { target: 'holders[].payments[].on', from: 'GDXX[].CZ[].RQ', date: { from: 'yyyyMMdd', to: 'epoch-millis', timeZone: '+08:00' } },
  ]);
  const text = fc.string({ minLength: 1, maxLength: 12 });
  const noDash = text.filter((value) => !value.includes('-'));
  const pick = (codes: string[]) => fc.constantFrom(...codes);
  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
  const local = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString();
  const amount = fc
    .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
    .map(([units, places]) => units / 10 ** places);
  const record = fc.record(
    {
      YWLSH: text,
      SLSJ: day.map((date) => local(date).slice(0, 19).replace('T', ' ')),
      QYXX: fc.record({
        QYMC: text,
        ZCZB: amount,
        CLRQ: day.map((date) => {
          const [y, m, d] = local(date).slice(0, 10).split('-');
          return `${y}年${m}月${d}日`;
        }),
        ZSXZQH: pick(['371500', '371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581']),
        QH: noDash,
        HM: text,
        HYDM: fc
          .tuple(
            text.filter((value) => !value.includes('|')),
            text,
          )
          .map(([code, name]) => `${code}|${name}`),
      }),
      FDDBR: fc.record({ XB: pick(['0', '1', '2', '9']), BZ: text }, { requiredKeys: ['XB'] }),
      GDXX: fc.array(
        fc.record({
          GDMC: text,
          CZBL: fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100),
          ZJLX: pick(['111', '414', '516', '553']),
          CZ: fc.array(fc.record({ RQ: day.map((date) => local(date).slice(0, 10).replaceAll('-', '')) }), { maxLength: 3 }),
        }),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: ['YWLSH', 'SLSJ', 'QYXX', 'FDDBR', 'GDXX'] },
  );

  it('derives a reverse for every field of the spec', () => {
    expect(deriveReverse(invertible, options).report.notInvertible).toEqual([]);
  });

  it('maps generated records forward and back to equal records', () => {
    const forward = compileMapping(invertible, options);
    const backward = compileMapping(deriveReverse(invertible, options).spec, options);
    fc.assert(
      fc.property(record, (input) => {
        const there = forward.map(input);
        if (!there.ok) throw new Error(JSON.stringify(there.errors));
        const back = backward.map(there.value);
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.value).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });
});
