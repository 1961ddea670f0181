/**
 * Property: every spec built only from invertible rules (path moves, one-to-one code tables, date
 * conversions to a format at least as fine, exact unit scaling, concat ↔ split, optional fields,
 * array elements) has a complete derived reverse, and any record mapped forward and back through
 * it comes back equal. The specs themselves are generated, not just the records.
 */
import fc from 'fast-check';
import { compileMapping } from './compile-mapping';
import { deriveReverse } from './derive-reverse';
import type { CodeTable, FieldRule, MappingSpec } from './mapping-spec';

type Record_ = Record<string, unknown>;
/** One generated field: its rule(s), an inline code table if it needs one, and records for it. */
interface FieldGen {
  rules: FieldRule[];
  codeTable?: CodeTable;
  value: fc.Arbitrary<Record_>;
}
type Gen = (i: number) => FieldGen;

const text = fc.string({ minLength: 1, maxLength: 10 });
const noSeparator = text.filter((value) => !value.includes('-'));
const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true });
const shanghai = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString();

const move: fc.Arbitrary<Gen> = fc.constant((i) => ({
  rules: [{ target: `out.f${i}`, from: `in.s${i}` }],
  value: text.map((v) => ({ in: { [`s${i}`]: v } })),
}));

const optional: fc.Arbitrary<Gen> = fc.constant((i) => ({
  rules: [{ target: `f${i}`, from: `s${i}`, required: false }],
  value: fc.option(text, { nil: undefined }).map((v): Record_ => (v === undefined ? {} : { [`s${i}`]: v })),
}));

const codeTable: fc.Arbitrary<Gen> = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[0-9A-Z]{1,4}$/), text), { minLength: 1, maxLength: 6, selector: ([code]) => code })
  .filter((pairs) => new Set(pairs.map(([, label]) => label)).size === pairs.length)
  .map((pairs) => (i: number) => ({
    rules: [{ target: `label${i}`, from: `code${i}`, codeTable: `table${i}` }],
    codeTable: { name: `table${i}`, version: '1', entries: pairs.map(([code, label]) => ({ code, label })) },
    value: fc.constantFrom(...pairs.map(([code]) => code)).map((code) => ({ [`code${i}`]: code })),
  }));

const DATE_PAIRS: Array<{ from: string; to: string; write: (d: Date) => string }> = [
  {
    from: 'yyyy年MM月dd日',
    to: 'yyyy-MM-dd',
    write: (d) => {
      const [y, m, dd] = shanghai(d).slice(0, 10).split('-');
      return `${y}年${m}月${dd}日`;
    },
  },
  { from: 'yyyyMMdd', to: 'yyyy-MM-dd', write: (d) => shanghai(d).slice(0, 10).replaceAll('-', '') },
  { from: 'yyyy-MM-dd HH:mm:ss', to: 'iso8601', write: (d) => shanghai(d).slice(0, 19).replace('T', ' ') },
  { from: 'yyyyMMddHHmmss', to: 'yyyy-MM-dd HH:mm:ss', write: (d) => shanghai(d).slice(0, 19).replace(/[-T:]/g, '') },
];
const date: fc.Arbitrary<Gen> = fc.constantFrom(...DATE_PAIRS).map((pair) => (i: number) => ({
  rules: [{ target: `when.d${i}`, from: `d${i}`, date: { from: pair.from, to: pair.to, timeZone: 'Asia/Shanghai' } }],
  value: day.map((d) => ({ [`d${i}`]: pair.write(d) })),
}));

const amount = (maxPlaces: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: maxPlaces }))
    .map(([units, places]) => Number(`${units}e-${places}`));
const money: fc.Arbitrary<Gen> = fc
  .constantFrom({ from: '万元', to: '元', places: 6 }, { from: '元', to: '分', places: 2 }, { from: '%', to: 'ratio', places: 4 })
  .map((unit) => (i: number) => ({
    rules: [{ target: `n${i}`, from: `m${i}`, number: { from: unit.from, to: unit.to } }],
    value: amount(unit.places).map((v) => ({ [`m${i}`]: v })),
  }));

const concat: fc.Arbitrary<Gen> = fc.constant((i) => ({
  rules: [{ target: `phone${i}`, concat: [`area${i}`, `number${i}`], separator: '-' }],
  value: fc.tuple(noSeparator, noSeparator).map(([area, number]) => ({ [`area${i}`]: area, [`number${i}`]: number })),
}));

const list: fc.Arbitrary<Gen> = fc.constant((i) => ({
  rules: [
    { target: `items${i}[].name`, from: `rows${i}[].mc` },
    { target: `items${i}[].on`, from: `rows${i}[].rq`, date: { from: 'yyyyMMdd', to: 'yyyy-MM-dd', timeZone: 'Asia/Shanghai' } },
  ],
  value: fc
    .array(fc.record({ mc: text, rq: day.map((d) => shanghai(d).slice(0, 10).replaceAll('-', '')) }), { maxLength: 4 })
    .map((rows) => ({ [`rows${i}`]: rows })),
}));

const yesNo: fc.Arbitrary<Gen> = fc
  .constantFrom<[string | number, string | number]>(['是', '否'], ['Y', 'N'], [1, 0], ['1', '0'])
  .map(([yes, no]) => (i: number) => ({
    rules: [{ target: `flag${i}`, from: `yn${i}`, boolean: { true: yes, false: no, to: 'boolean' } }],
    value: fc.constantFrom(yes, no).map((word) => ({ [`yn${i}`]: word })),
  }));

/** Checks never change what is written, so a value within its bounds comes back whatever they say. */
const checked: fc.Arbitrary<Gen> = fc.constant((i) => ({
  rules: [
    { target: `area${i}`, from: `mj${i}`, range: { min: 0, max: 1e9 } },
    { target: `name${i}`, from: `mc${i}`, length: { min: 1, max: 10 } },
  ],
  value: fc.tuple(amount(2), text).map(([area, name]) => ({ [`mj${i}`]: area, [`mc${i}`]: name })),
}));

const specAndRecord = fc
  .array(fc.oneof(move, optional, codeTable, date, money, concat, list, yesNo, checked), { minLength: 1, maxLength: 8 })
  .chain((gens) => {
    const fields = gens.map((gen, i) => gen(i));
    const spec: MappingSpec = {
      name: 'generated',
      version: '1',
      direction: { source: 'department', target: 'onewindow' },
      codeTables: fields.flatMap((f) => (f.codeTable ? [f.codeTable] : [])),
      fields: fields.flatMap((f) => f.rules),
    };
    const record = fc.tuple(...fields.map((f) => f.value)).map((parts) => mergeDeep(parts));
    return fc.tuple(fc.constant(spec), record);
  });

function mergeDeep(parts: Record_[]): Record_ {
  const out: Record_ = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      out[key] =
        existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...(existing as Record_), ...(value as Record_) } : value;
    }
  }
  return out;
}

describe('generated invertible specs (property)', () => {
  it('have a derived reverse covering every field, and map every record forward and back to itself', () => {
    fc.assert(
      fc.property(specAndRecord, ([spec, record]) => {
        const reverse = deriveReverse(spec);
        expect(reverse.report.notInvertible).toEqual([]);
        const there = compileMapping(spec).map(record);
        if (!there.ok) throw new Error(`forward: ${JSON.stringify(there.errors)}`);
        const back = compileMapping(reverse.spec).map(there.value);
        if (!back.ok) throw new Error(`backward: ${JSON.stringify(back.errors)}`);
        expect(back.value).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });
});

describe('generated many-to-one code tables with the reverse declared (property)', () => {
  /** Platform codes grouped under department codes; the first code of each group is the declared reverse. */
  const table = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 2, maxLength: 12 })
    .chain((codes) =>
      fc.tuple(fc.constant(codes), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: codes.length, maxLength: codes.length })),
    )
    .map(([codes, groups]): CodeTable => {
      const declared = new Set<number>();
      return {
        name: '工程类别',
        version: '1',
        entries: codes.map((code, index) => {
          const group = groups[index] as number;
          const first = !declared.has(group);
          declared.add(group);
          return { code, label: `0${group}`, ...(first ? { reverse: true as const } : {}) };
        }),
      };
    });

  it('derive a complete reverse, and a department record read back and sent again is the same record', () => {
    fc.assert(
      fc.property(
        table.chain((codeTable) => fc.tuple(fc.constant(codeTable), fc.constantFrom(...codeTable.entries.map((entry) => entry.code)))),
        ([codeTable, code]) => {
          const spec: MappingSpec = {
            name: 'generated',
            version: '1',
            direction: { source: 'onewindow', target: 'department' },
            codeTables: [codeTable],
            fields: [{ target: 'GCLB', from: 'kind', codeTable: '工程类别' }],
          };
          const reverse = deriveReverse(spec);
          expect(reverse.report.notInvertible).toEqual([]);
          const there = compileMapping(spec).map({ kind: code });
          if (!there.ok) throw new Error(JSON.stringify(there.errors));
          const back = compileMapping(reverse.spec).map(there.value);
          if (!back.ok) throw new Error(JSON.stringify(back.errors));
          expect(compileMapping(spec).map(back.value)).toEqual(there);
        },
      ),
      { numRuns: 200 },
    );
  });
});
