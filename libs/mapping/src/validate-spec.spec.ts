import { SHARED_CODE_TABLES } from './code-tables';
import { compileMapping } from './compile-mapping';
import { MappingSpecError, type CodeTable, type FieldRule, type MappingSpec } from './mapping-spec';
import { parseCodeTables, parseMappingSpec, validateCodeTables, validateMappingSpec } from './parse-spec';

const base = { name: 'test', version: '1', direction: { source: 'dept', target: 'platform' } };

function problemsOf(fields: unknown[], extra: Record<string, unknown> = {}, codeTables: readonly CodeTable[] = SHARED_CODE_TABLES): string[] {
  return validateMappingSpec({ ...base, fields, ...extra }, { codeTables }).map((problem) => `${problem.path}: ${problem.message}`);
}

describe('spec validation', () => {
  it('accepts a valid spec', () => {
    expect(problemsOf([{ target: 'a', from: 'A' }])).toEqual([]);
  });

  it('names an unknown code table with the path of the rule', () => {
    expect(problemsOf([{ target: 'a', from: 'A' }, { target: 'b', from: 'B' }, { target: 'c', from: 'C' }, { target: 'sex', from: 'XB', codeTable: 'sexx' }])).toEqual([
      'fields[3].codeTable: unknown code table "sexx"',
    ]);
  });

  it('lists every problem of a spec at once', () => {
    const problems = problemsOf([
      { target: 'a', from: 'A', codeTabel: 'GB/T 2261.1' },
      { target: 'b' },
      { target: 'c', from: 'C', date: { from: 'yyyy-MM-dd', to: 'YYYY' } },
      { target: 'd', from: 'D', number: { from: '万元', to: '平方米' } },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^fields\[0\]\.codeTabel: unknown key/),
      'fields[1]: needs one of from, const, concat or split',
      expect.stringMatching(/^fields\[2\]\.date\.to: "YYYY" is not a date pattern field/),
      'fields[2].date.timeZone: is required, e.g. Asia/Shanghai or +08:00',
      'fields[3].number: cannot convert 万元 (money) to 平方米 (area)',
    ]);
  });

  it('checks the top level of the spec', () => {
    expect(validateMappingSpec({ version: 1, direction: {}, fields: [], extra: true }).map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^extra: unknown key/),
      'name: is required',
      'version: must be a string (quote it in YAML)',
      'direction.source: is required',
      'direction.target: is required',
      'fields: must be a non-empty list of field rules',
    ]);
    expect(validateMappingSpec('fields: []')).toEqual([{ path: '', message: 'a mapping spec must be an object' }]);
  });

  it('refuses rules with several sources or misplaced options', () => {
    expect(problemsOf([{ target: 'a', from: 'A', const: 1 }])).toEqual(['fields[0]: has several sources (from, const); use one']);
    expect(problemsOf([{ target: 'a', const: 1, default: 2 }])).toEqual(['fields[0].default: is not used with const']);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', date: { from: 'iso8601', to: 'iso8601', timeZone: 'UTC' } }])).toEqual([
      'fields[0]: combines codeTable and date; use one conversion per field',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', unmapped: 'error' }])).toEqual(['fields[0].unmapped: is only used with codeTable']);
    expect(problemsOf([{ target: 'a', from: 'A', required: 'yes' }])).toEqual(['fields[0].required: must be true or false']);
  });

  it('refuses malformed and dangerous paths', () => {
    expect(problemsOf([{ target: 'a..b', from: 'A' }])).toEqual([expect.stringMatching(/^fields\[0\]\.target: invalid path "a\.\.b"/)]);
    expect(problemsOf([{ target: '__proto__.polluted', from: 'A' }])).toEqual(['fields[0].target: invalid path "__proto__.polluted": "__proto__" is not allowed as a key']);
    expect(problemsOf([{ target: 'a', from: 'L[x]' }])).toEqual(['fields[0].from: invalid path "L[x]": "[x]" must be "[]" or an index like "[0]"']);
    expect(problemsOf([{ target: 'a', from: '' }])).toEqual(['fields[0].from: must be a non-empty path string']);
  });

  it('requires the same number of arrays in source and target', () => {
    expect(problemsOf([{ target: 'a', from: 'L[].X' }])).toEqual(['fields[0].target: has 0 "[]" but the source has 1; each source array maps onto one target array']);
    expect(problemsOf([{ target: 'a[].x', const: 1 }])).toEqual([
      'fields[0].target: a constant in "a[]" repeats for each element other rules write there, but no rule fills "a[]" from a source array',
    ]);
    expect(problemsOf([{ target: 'a[].x', concat: ['L[].X', 'M[].Y'], separator: ' ' }])).toEqual([
      'fields[0].concat[1]: iterates "M[]" but the first source iterates "L[]"',
    ]);
    expect(problemsOf([{ target: 'a[].x', from: 'L[].X', when: { path: 'M[].Y', exists: true } }])).toEqual([
      'fields[0].when.path: may only iterate arrays the rule\'s source iterates ("L[]")',
    ]);
  });

  it('refuses two rules writing one target unless they form a chain of conditions', () => {
    expect(problemsOf([{ target: 'a', from: 'A' }, { target: 'a', from: 'B' }])).toEqual([
      'fields[0].when: "a" is also written by fields[1]; every rule of a chain but the last needs when',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', equals: 1 } }, { target: 'a', from: 'B' }])).toEqual([]);
  });

  it('refuses a target inside another target', () => {
    expect(problemsOf([{ target: 'applicant', from: 'SQR' }, { target: 'applicant.name', from: 'XM' }])).toEqual([
      'fields[1].target: "applicant.name" overlaps "applicant" written by fields[0]',
    ]);
  });

  it('checks conditions', () => {
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', equals: 1, exists: true } }])).toEqual(['fields[0].when: needs exactly one of equals, in, exists']);
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', in: [] } }])).toEqual(['fields[0].when.in: must be a non-empty list of strings, numbers or booleans']);
    expect(problemsOf([{ target: 'a', from: 'A', when: { path: 'K', exists: 'yes' } }])).toEqual(['fields[0].when.exists: must be true or false']);
  });

  it('checks code tables declared in the spec', () => {
    const problems = problemsOf([{ target: 'a', from: 'A', codeTable: 'status', lookup: 'label-to-code' }], {
      codeTables: [
        { name: 'status', version: '1', entries: [{ code: '01', label: 'open' }, { code: '02', label: 'open' }] },
        { name: 'bad', version: 1, entries: [{ code: 1, label: 'x' }, { code: '2', label: 'y' }, { code: '2', label: 'z' }] },
        { ref: 'GB/T 2261.1', version: '1999' },
        { ref: 'nope' },
      ],
    });
    expect(problems).toEqual([
      'codeTables[1].version: must be a string (quote it in YAML)',
      'codeTables[1].entries[0].code: must be a non-empty string (quote codes in YAML: "01", not 01)',
      'codeTables[1].entries[2].code: code "2" appears twice',
      'codeTables[2].ref: shared code table "GB/T 2261.1" has no version "1999" (available: 2003)',
      'codeTables[3].ref: unknown shared code table "nope"',
      'fields[0].lookup: code table "status" gives several codes the same label, so label-to-code is ambiguous',
    ]);
  });

  it('asks to pin the version when several versions of a shared table are passed in', () => {
    const newer: CodeTable = { ...SHARED_CODE_TABLES[0], version: '2099' } as CodeTable;
    const tables = [...SHARED_CODE_TABLES, newer];
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1' }], {}, tables)).toEqual([
      'fields[0].codeTable: code table "GB/T 2261.1" has several versions (2003, 2099); pin one under codeTables with ref and version',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1' }], { codeTables: [{ ref: 'GB/T 2261.1', version: '2099' }] }, tables)).toEqual([]);
  });

  it('needs a default for unmapped: default', () => {
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', unmapped: 'default' }])).toEqual(['fields[0].default: unmapped: default needs a default value']);
  });

  it('checks date formats and time zones', () => {
    expect(problemsOf([{ target: 'a', from: 'A', date: { from: 'yyyy-MM', to: 'iso8601', timeZone: 'Europe/Berlin' } }])).toEqual([
      'fields[0].date.from: date pattern "yyyy-MM" needs yyyy, MM and dd',
      'fields[0].date.timeZone: unsupported time zone "Europe/Berlin": use a fixed-offset zone such as Asia/Shanghai, or an offset like +08:00',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', date: { from: 'yyyy-MM-dd mm', to: 'iso8601', timeZone: '+08:00' } }])).toEqual([
      'fields[0].date.from: date pattern "yyyy-MM-dd mm" has minute without hour',
    ]);
  });

  it('checks number conversions', () => {
    expect(problemsOf([{ target: 'a', from: 'A', number: { from: '万元', to: '元', multiply: 2, decimals: 1.5, rounding: 'bankers', output: 'text' } }])).toEqual([
      'fields[0].number.multiply: use either units (from, to) or multiply',
      'fields[0].number.decimals: must be a whole number from 0 to 20',
      'fields[0].number.rounding: must be one of half-up, half-even, down, up, exact',
      'fields[0].number.output: must be number or string',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', number: { from: '两' } }])).toEqual([
      expect.stringMatching(/^fields\[0\]\.number\.from: unknown unit "两"/),
      'fields[0].number.to: is needed with from',
    ]);
  });

  it('checks split and concat', () => {
    expect(problemsOf([{ split: 'A', separator: '', target: 'a' }])).toEqual([
      'fields[0].target: split writes targets (a list), not target',
      'fields[0].targets: must list at least two target paths',
      'fields[0].separator: must not be empty for split',
    ]);
    expect(problemsOf([{ target: 'a', concat: ['A'] }])).toEqual(['fields[0].concat: must list at least two source paths', 'fields[0].separator: must be a string']);
  });

  it('throws every problem from compileMapping', () => {
    const spec = { ...base, fields: [{ target: 'a', from: 'A', codeTable: 'sexx' }, { target: 'b' }] } as unknown as MappingSpec;
    expect(() => compileMapping(spec)).toThrow(MappingSpecError);
    try {
      compileMapping(spec);
    } catch (error) {
      expect((error as MappingSpecError).problems).toHaveLength(2);
      expect((error as MappingSpecError).message).toBe(
        'mapping spec "test" is invalid:\n  fields[0].codeTable: unknown code table "sexx"\n  fields[1]: needs one of from, const, concat or split',
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
    expect(() => parseMappingSpec('name: [unclosed')).toThrow(/YAML:/);
    expect(() => parseMappingSpec('name: a\nname: b\n')).toThrow(/YAML: Map keys must be unique/);
  });

  it('reports a code that YAML read as a number', () => {
    const text = `${yaml}codeTables:\n  - name: status\n    version: "1"\n    entries:\n      - { code: 01, label: open }\n`;
    expect(() => parseMappingSpec(text, { codeTables: SHARED_CODE_TABLES })).toThrow('codeTables[0].entries[0].code: must be a non-empty string (quote codes in YAML: "01", not 01)');
  });
});

describe('validation of the newer rule options', () => {
  it('checks yes/no conversions', () => {
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '是', false: '否', to: 'text' } }])).toEqual([]);
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '是', false: '是', to: 'bool' } }])).toEqual([
      'fields[0].boolean: true and false must be written differently',
      'fields[0].boolean.to: must be text (write the words) or boolean (read them)',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', boolean: { true: '', to: 'text' } }])).toEqual([
      "fields[0].boolean.true: must be the department's word or number for it, e.g. 是, Y or 1",
      "fields[0].boolean.false: must be the department's word or number for it, e.g. 是, Y or 1",
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 'GB/T 2261.1', boolean: { true: 'Y', false: 'N', to: 'text' } }])).toEqual([
      'fields[0]: combines codeTable and boolean; use one conversion per field',
    ]);
  });

  it('checks ranges and lengths, and where they may be used', () => {
    expect(problemsOf([{ target: 'a', from: 'A', range: { min: 1, max: 0 }, length: { max: -1 } }])).toEqual([
      'fields[0].range: min must not be greater than max',
      'fields[0].length.max: must be a whole number of characters, 0 or more',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', range: {} }, { target: 'b', from: 'B', range: { min: '1', maximum: 2 } }])).toEqual([
      'fields[0].range: must be { min, max } with at least one of them',
      'fields[1].range.maximum: unknown key (expected one of min, max)',
      'fields[1].range.min: must be a finite number',
    ]);
    expect(problemsOf([{ target: 'a', const: 'x', length: { max: 1 } }, { targets: ['b', 'c'], split: 'B', separator: '-', range: { max: 1 } }])).toEqual([
      'fields[0].length: is not used with const',
      'fields[1].range: is not used with split',
    ]);
  });

  it('lets a constant fill array elements only where other rules fill that array from one source array', () => {
    expect(problemsOf([{ target: 'a[].x', from: 'L[].X' }, { target: 'a[].k', const: 1 }])).toEqual([]);
    expect(problemsOf([{ target: 'a[].x', from: 'L[].X' }, { target: 'a[].y', from: 'M[].Y' }, { target: 'a[].k', const: 1 }])).toEqual([
      'fields[2].target: the rules filling "a[]" read different source arrays (L[], M[]), so a constant there has no one array to follow',
    ]);
    expect(problemsOf([{ target: 'a[].x', from: 'L[].X' }, { target: 'a[].k', const: 1, when: { path: 'M[].Y', exists: true } }])).toEqual([
      'fields[1].when.path: may only iterate arrays the rule\'s source iterates ("L[]")',
    ]);
  });

  it('lets one entry of a repeated label be the one it maps back to', () => {
    const table = (entries: unknown[]) => [{ name: 't', version: '1', entries }];
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 't', lookup: 'label-to-code' }], { codeTables: table([{ code: '1', label: 'x', reverse: true }, { code: '2', label: 'x' }]) })).toEqual([]);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 't', lookup: 'label-to-code' }], { codeTables: table([{ code: '1', label: 'x' }, { code: '2', label: 'x' }]) })).toEqual([
      'fields[0].lookup: code table "t" gives several codes the same label, so label-to-code is ambiguous',
    ]);
    expect(problemsOf([{ target: 'a', from: 'A', codeTable: 't' }], { codeTables: table([{ code: '1', label: 'x', reverse: true }, { code: '2', label: 'x', reverse: true }, { code: '3', label: 'y', reverse: 'yes' }]) })).toEqual([
      'codeTables[0].entries[1].reverse: label "x" already maps back to entries[0]; mark one entry per label',
      'codeTables[0].entries[2].reverse: must be true (on the one entry a repeated label maps back to), or left out',
      'fields[0].codeTable: unknown code table "t"',
    ]);
  });
});

describe('code tables shared by several specs', () => {
  it('are read from YAML, checked like inline tables, and pinned by specs with ref', () => {
    const tables = parseCodeTables('- name: 工程类别\n  version: "2025.1"\n  entries:\n    - { code: "01", label: FJ }\n    - { code: "02", label: SZ }\n');
    expect(problemsOf([{ target: 'GCLB', from: 'projectType', codeTable: '工程类别' }], { codeTables: [{ ref: '工程类别', version: '2025.1' }] }, [...SHARED_CODE_TABLES, ...tables])).toEqual([]);
    expect(validateCodeTables([{ name: 't', version: '1', entries: [{ code: 1, label: 'x' }] }, { name: 't', version: '1', entries: [{ code: '1', label: 'x' }] }, { name: 't', version: '1', entries: [{ code: '1', label: 'x' }] }])).toEqual([
      { path: '[0].entries[0].code', message: 'must be a non-empty string (quote codes in YAML: "01", not 01)' },
      { path: '[2].name', message: 'code table "t" version "1" is listed twice' },
    ]);
    expect(() => parseCodeTables('{ name: t }')).toThrow('must be a list of code tables');
  });
});
