import fc from 'fast-check';
import { SHARED_CODE_TABLES } from '../code-tables';
import { compileResolved, type CompiledMapping } from '../compile-mapping';
import type { FieldRule, MappingSpec } from '../mapping-spec';
import {
  CONSTRUCTION_CATEGORIES,
  ENTERPRISE_REGISTRATION_CODE_TABLES,
  enterpriseRegistrationSample,
  enterpriseRegistrationSpec,
} from '../testing';
import { DEFAULT_LIMITS } from '../mapping-result';
import { compileDateFormat, directDateConversion, type DateCodec } from './dates';
import { checkInput, checkInputQuickly } from './limits';
import { resolveSpec } from './resolve-spec';

/** The generated program and the closures it replaces, for one spec. */
function both(spec: MappingSpec, limits = {}): { generated: CompiledMapping; closures: CompiledMapping } {
  const result = resolveSpec(spec, { codeTables: SHARED_CODE_TABLES });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { generated: compileResolved(result.resolved, limits), closures: compileResolved(result.resolved, limits, { generate: false }) };
}

/** Same result, same errors in the same order, same key order in the output. */
function expectSame({ generated, closures }: ReturnType<typeof both>, input: unknown): void {
  expect(JSON.stringify(generated.map(input))).toBe(JSON.stringify(closures.map(input)));
}

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

function replaced(record: unknown, path: readonly (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  if (path.length === 0) return remove ? undefined : value;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const strangeValue = fc.oneof(
  fc.constantFrom(
    null,
    '',
    '长期',
    '0',
    '1',
    '2',
    '03',
    '999',
    '156',
    '371502',
    '111',
    '自然人股东',
    'a|b|c',
    'x|',
    '|',
    '是',
    '否',
    'housing',
    '𠮷𠮷𠮷𠮷𠮷',
  ),
  fc.constantFrom('2026年02月29日', '2024年02月29日', '2026年3月5日', '2026-03-02 24:00:00', '2026-03-02 09:15:00', '0000年01月01日'),
  fc.constantFrom(1772412000000, 8.64e15 + 1, 0.125, -3, 1e20, Number.MAX_SAFE_INTEGER, 12.345),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({}, [], [{}], { XM: '张三' }, [null, 1]),
);

/** Random changes to a record: each step removes or replaces one value somewhere in it. */
function mutations(record: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), strangeValue, fc.boolean()), { maxLength: 4 }).map((changes) =>
    changes.reduce((current, [pick, value, remove]) => {
      const candidates = paths(current).filter((path) => path.length > 0);
      if (candidates.length === 0) return current;
      return replaced(current, candidates[pick % candidates.length] as (string | number)[], value, remove);
    }, record),
  );
}

const SPEC = (fields: FieldRule[], emptyStringIsMissing = true): MappingSpec => ({
  name: 'test',
  version: '1',
  direction: { source: 'dept', target: 'platform' },
  emptyStringIsMissing,
  codeTables: [CONSTRUCTION_CATEGORIES],
  fields,
});

// Every kind of rule the generator writes itself or hands to the closures.
const MIXED: FieldRule[] = [
  { target: 'a.b.c', from: 'A.B.C', label: '甲' },
  { target: 'a.b.d', from: 'A.D', default: { x: [1, 2] } },
  { target: 'a.e', const: { nested: ['k'] } },
  { target: 'a.g', const: 7 },
  { target: 'a.f', from: 'A', required: false },
  { target: 'list[0].first', from: 'L[0].X', required: false },
  { target: 'list[1]', from: 'L[1]', required: false },
  { target: 'x.toString', from: 'toString', required: false },
  { target: 'items[].code', from: 'L[].X', label: '项目', codeTable: 'GB/T 2261.1', unmapped: 'pass-through' },
  {
    target: 'items[].when',
    from: 'L[].D',
    date: { from: "yyyy-MM-dd'T'HH:mm:ss.SSS", to: 'iso8601', timeZone: 'Asia/Urumqi' },
    required: false,
  },
  { target: 'items[].day', from: 'L[].D', date: { from: "yyyy-MM-dd'T'HH:mm:ss.SSS", to: 'yyyyMMdd', timeZone: 'UTC' }, required: false },
  { target: 'items[].short', from: 'L[].S', date: { from: 'yyyy年M月d日', to: 'M/d/yyyy', timeZone: '+05:30' }, required: false },
  { target: 'items[].name', concat: ['L[].N.F', 'L[].N.G'], separator: ' ', required: false },
  { targets: ['items[].p', 'items[].q', 'items[].r'], split: 'L[].P', separator: '-', required: false },
  { target: 'items[].pick', from: 'L[].Y', when: { path: 'L[].X', equals: '1' } },
  { target: 'items[].pick', from: 'L[].N.F', when: { path: 'MODE', in: ['a', 'b'] } },
  { target: 'items[].pick', from: 'L[].Z', required: false },
  { target: 'raw[]', from: 'L[]' },
  { target: 'grid[].cells[].v', from: 'G[].C[].V', number: { from: '万元', to: '元', decimals: 2 } },
  { target: 'grid[].cells[].w', from: 'G[].C[].W', number: { multiply: 0.5, output: 'string', decimals: 3 }, required: false },
  { targets: ['top.one', 'top.two'], split: 'S', separator: '/' },
  { target: 'joined', concat: ['J1', 'J2.K', 'J3'], separator: '·' },
  { target: 'mode', const: 'kept', when: { path: 'MODE', exists: true } },
  { target: 'mode', from: 'MODE2', label: '模式' },
  { target: 'items[].flag', from: 'L[].B', label: '是否', boolean: { true: '是', false: '否', to: 'text' }, required: false },
  { target: 'items[].yes', from: 'L[].X', boolean: { true: 1, false: 0, to: 'boolean' }, required: false },
  { target: 'items[].source', const: '一窗受理' },
  { target: 'items[].marked', const: true, when: { path: 'L[].X', equals: '1' } },
  { target: 'items[].kind', from: 'L[].K', codeTable: '住建局工程类别', required: false },
  { target: 'grid[].cells[].fixed', const: 'C' },
  { target: 'area', from: 'AREA', label: '面积', number: { from: '万元', to: '元' }, range: { min: 0.01, max: 1e9 }, required: false },
  { target: 'title', from: 'TITLE', label: '标题', length: { min: 2, max: 4 }, required: false },
  { target: 'short', concat: ['J1', 'J3'], separator: '-', length: { max: 6 }, required: false },
];

const MIXED_SAMPLE = {
  A: { B: { C: 'c' }, D: 'd' },
  L: [
    {
      X: '1',
      Y: 'y',
      Z: 'z',
      D: '2026-03-02T09:15:00.250',
      S: '2026年3月5日',
      N: { F: '张', G: '三' },
      P: '1-2-3-4',
      B: true,
      K: 'public-building',
    },
    { X: '0', Y: 'y2', D: '2026-03-02T00:00:00.000', S: '2024年12月31日', N: { F: '李' }, P: 'solo', B: false, K: 'municipal-road' },
  ],
  AREA: '12.5',
  TITLE: '施工许可',
  G: [{ C: [{ V: 1.5, W: '3' }, { V: '2' }] }, { C: [] }],
  S: 'left/right/more',
  J1: 'j',
  J2: { K: 2 },
  J3: true,
  MODE: 'a',
  MODE2: 'm',
};

describe('the generated program', () => {
  it('gives the enterprise registration record the same result as the closures, however the record is changed', () => {
    const spec = enterpriseRegistrationSpec();
    const result = resolveSpec(spec, { codeTables: ENTERPRISE_REGISTRATION_CODE_TABLES });
    if (!result.ok) throw new Error('invalid spec');
    const pair = { generated: compileResolved(result.resolved), closures: compileResolved(result.resolved, {}, { generate: false }) };
    fc.assert(
      fc.property(mutations(enterpriseRegistrationSample()), (input) => expectSame(pair, input)),
      { numRuns: 400 },
    );
  });

  it('gives a spec of every rule kind the same result as the closures', () => {
    for (const emptyStringIsMissing of [true, false]) {
      const pair = both(SPEC(MIXED, emptyStringIsMissing));
      expect(pair.generated.map(MIXED_SAMPLE).ok).toBe(true);
      expectSame(pair, MIXED_SAMPLE);
      fc.assert(
        fc.property(mutations(MIXED_SAMPLE), (input) => expectSame(pair, input)),
        { numRuns: 400 },
      );
    }
  });

  it('reports the same target conflicts and limit errors', () => {
    const pair = both(
      SPEC([
        { target: 'x[0]', from: 'A' },
        { target: 'x.y', from: 'B' },
        { target: 'x[].z', from: 'C[].D' },
      ]),
      { maxErrors: 2, maxDepth: 4 },
    );
    expectSame(pair, { A: 1, B: 2, C: [{ D: 3 }] });
    expectSame(pair, { A: 1, B: 2, C: [{ D: { deep: { deeper: {} } } }] });
    expectSame(pair, 'not a record');
  });

  it('never puts spec text into the generated source', () => {
    const key = 'x\'";pwned=1;//`${1}`*/\\';
    const text = `${key}\u2028\n]`;
    const pair = both(
      SPEC([
        { target: `${key}.${key}`, from: `${key}.${key}`, label: text },
        { target: 'c', const: text },
      ]),
    );
    expectSame(pair, { [key]: { [key]: 'v' } });
    expect(pair.generated.map({ [key]: { [key]: 'v' } })).toEqual({ ok: true, value: { [key]: { [key]: 'v' }, c: text } });
    expectSame(pair, {});
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
    expect(pair.generated.map({})).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: `缺少必填字段“${text}”（${key}.${key}）` })],
    });
  });
});

describe('direct date conversions', () => {
  const codec = (format: string) => compileDateFormat(format) as DateCodec;
  const formats = [
    'yyyy年MM月dd日',
    'yyyyMMdd',
    'yyyy-MM-dd HH:mm:ss',
    "yyyy-MM-dd'T'HH:mm:ss.SSS",
    'yyyy年M月d日',
    'd.M.yyyy H:mm',
    'iso8601',
  ];

  it('write what parsing to an instant and formatting it again writes', () => {
    const text = fc.oneof(
      fc
        .integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 })
        .chain((epoch) =>
          fc.constantFrom(...formats.filter((format) => format !== 'iso8601')).map((format) => codec(format).format(epoch, 0) as string),
        ),
      fc.string({ maxLength: 25 }),
      fc.constantFrom(
        '2026年02月29日',
        '2024年02月29日',
        '2026年13月01日',
        '2026-03-02 24:00:00',
        '20260230',
        '2026年03月05日 ',
        '２０２６年03月05日',
      ),
    );
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...formats),
        fc.constantFrom(...formats),
        fc.integer({ min: -840, max: 840 }),
        (value, from, to, offset) => {
          const direct = directDateConversion(codec(from), codec(to), offset);
          if (!direct) return;
          const epoch = codec(from).parse(value, offset);
          expect(direct(value)).toBe(epoch === undefined ? undefined : codec(to).format(epoch, offset));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the quick limits check', () => {
  it('gives exactly the answer of the full walk', () => {
    const limits = fc.record({
      maxDepth: fc.integer({ min: 0, max: 6 }),
      maxArrayLength: fc.integer({ min: 0, max: 6 }),
      maxStringLength: fc.integer({ min: 0, max: 8 }),
      maxNodes: fc.integer({ min: 0, max: 40 }),
      maxErrors: fc.constant(100),
    });
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 6, withDate: true, withNullPrototype: true, withObjectString: true }),
        limits,
        (input, chosen) => {
          expect(checkInputQuickly(input, chosen)).toEqual(checkInput(input, chosen));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ends on cyclic input', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(checkInputQuickly(cyclic, DEFAULT_LIMITS)).toEqual(checkInput(cyclic, DEFAULT_LIMITS));
    expect(checkInputQuickly(cyclic, DEFAULT_LIMITS)?.code).toBe('depth_exceeded');
  });
});
