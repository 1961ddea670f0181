import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { MAPPING_SPEC_SCHEMA } from './mapping-spec-schema';
import { validateMappingSpec } from './parse-spec';
import { enterpriseRegistrationSpec } from './testing';

const PUBLISHED = join(__dirname, 'mapping-spec.schema.json');
const published = () => `${JSON.stringify(MAPPING_SPEC_SCHEMA, null, 2)}\n`;
const base = { name: 'test', version: '1', direction: { source: 'dept', target: 'platform' } };
const problemsOf = (spec: unknown) => validateMappingSpec(spec).map((problem) => `${problem.path}: ${problem.message}`);

/** Every mapping spec in the repository written for the engine: the lib's, the bridge's demo and test specs. */
function exampleSpecs(): string[] {
  const root = join(__dirname, '..', '..', '..');
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return /\.mapping\.yaml$/.test(entry.name) || (/\.yaml$/.test(entry.name) && directory.endsWith('mappings')) ? [path] : [];
    });
  return [join(root, 'libs/mapping/src'), join(root, 'apps/bridge/src')].flatMap(walk);
}

describe('mapping spec JSON Schema', () => {
  it('is published for editors as mapping-spec.schema.json, generated from the module compileMapping checks with', () => {
    // After changing mapping-spec-schema.ts: UPDATE_MAPPING_SCHEMA=1 npx jest libs/mapping/src/mapping-spec.schema.spec.ts
    if (process.env['UPDATE_MAPPING_SCHEMA'] === '1') writeFileSync(PUBLISHED, published());
    expect(readFileSync(PUBLISHED, 'utf8')).toBe(published());
  });

  it('accepts the example specs in an editor (plain ajv, its x- annotations ignored)', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(PUBLISHED, 'utf8')) as object);
    const specs = exampleSpecs();
    expect(specs.length).toBeGreaterThan(5);
    for (const file of specs) {
      const valid = validate(parse(readFileSync(file, 'utf8')));
      expect({ file, errors: valid ? null : validate.errors }).toEqual({ file, errors: null });
    }
    expect(validate(enterpriseRegistrationSpec())).toBe(true);
  });

  it('refuses a misspelt key at its own path, naming the keys allowed', () => {
    expect(problemsOf({ ...base, fields: [{ target: 'a', from: 'A', codeTabel: 'GB/T 2261.1' }], Fields: [] })).toEqual([
      'fields[0].codeTabel: 未知的键（应为 target、targets、label、required、when、from、const、concat、split、separator、default、codeTable、lookup、unmapped、date、number、boolean、range、length 之一）',
      'Fields: 未知的键（应为 name、version、description、direction、emptyStringIsMissing、codeTables、fields 之一）',
    ]);
    expect(
      problemsOf({ ...base, fields: [{ target: 'a', from: 'A', date: { from: 'iso8601', to: 'iso8601', timezone: '+08:00' } }] }),
    ).toEqual([
      'fields[0].date.timezone: 未知的键（应为 from、to、timeZone 之一）',
      'fields[0].date.timeZone: 必须填写，例如 Asia/Shanghai 或 +08:00',
    ]);
  });

  it('refuses a value of the wrong type by path, in Chinese', () => {
    expect(
      problemsOf({
        ...base,
        emptyStringIsMissing: 'yes',
        codeTables: [{ name: 't', version: '1', entries: [{ code: '1', label: 2 }] }, 'GB/T 2261.1'],
        fields: [
          { target: 'a', from: 'A', label: 3, number: { decimals: '2', output: 'text' } },
          { target: 'b', from: 'B', when: { path: 'K', in: [{}] } },
          'c',
        ],
      }),
    ).toEqual([
      'emptyStringIsMissing: 必须是 true 或 false',
      'codeTables[0].entries[0].label: 必须是字符串',
      'codeTables[1]: 必须是代码表（name、version、entries）或引用（ref、version）',
      'fields[0].label: 必须是字符串',
      'fields[0].number.decimals: 必须是 0 到 20 的整数',
      'fields[0].number.output: 必须是 number 或 string',
      'fields[1].when.in[0]: 必须是字符串、数值、布尔值或 null',
      'fields[2]: 必须是字段规则对象',
    ]);
  });

  it('refuses a missing required field by path, in Chinese', () => {
    expect(problemsOf({ name: 'test', direction: { source: 'dept' }, codeTables: [{ name: 't', entries: [{ label: 'x' }] }] })).toEqual([
      'direction.target: 必须填写',
      'codeTables[0].entries[0].code: 必须是非空字符串（YAML 中代码要加引号：写 "01"，不写 01）',
      'codeTables[0].version: 必须填写',
      'version: 必须填写',
      'fields: 必须是非空的字段规则列表',
    ]);
    expect(
      problemsOf({ ...base, fields: [{ from: 'A' }, { split: 'B' }, { label: '性别' }, { target: 'd', from: 'D', when: { path: 'K' } }] }),
    ).toEqual([
      'fields[0].target: 必须填写',
      'fields[1].targets: 至少要列出两个目标路径',
      'fields[1].separator: 必须是字符串',
      'fields[2]: 需要 from、const、concat、split 其中之一',
      'fields[3].when: 必须且只能有 equals、in、exists 其中之一',
    ]);
    expect(problemsOf({ ...base, fields: [{ target: 'a', from: 'A', boolean: { true: '是' } }] })).toEqual([
      'fields[0].boolean.false: 必须是部门系统对应的文字或数字，例如 是、Y 或 1',
      'fields[0].boolean.to: 必须是 text（写出文字）或 boolean（读取文字）',
    ]);
  });
});
