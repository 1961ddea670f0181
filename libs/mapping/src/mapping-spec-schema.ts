import { UNITS } from './internal/decimal';
import type { CodeLookup, RoundingMode, UnmappedPolicy } from './mapping-spec';

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'exact'];
export const UNMAPPED_POLICIES: readonly UnmappedPolicy[] = ['error', 'default', 'pass-through'];
export const LOOKUPS: readonly CodeLookup[] = ['code-to-label', 'label-to-code'];

/**
 * An object of these keys and no others: an unknown key (a misspelt `codeTabel`) is named at its own
 * path with the keys that are allowed. `messages` gives the object's own failures per keyword.
 */
const object = (properties: Record<string, object>, messages: Record<string, string>, extra: object = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...extra,
  'x-messages': {
    additionalProperties: `未知的键（应为 ${Object.keys(properties)
      .filter((key) => key !== '$schema')
      .join('、')} 之一）`,
    ...messages,
  },
});
/** A name or version: a string with something in it (a version YAML reads as a number needs quotes). */
const name = (extra: object = {}) => ({
  type: 'string',
  minLength: 1,
  ...extra,
  'x-messages': { type: '必须是字符串（YAML 中请加引号）', minLength: '必须是非空字符串' },
});
const text = (extra: object = {}) => ({ type: 'string', ...extra, 'x-message': '必须是字符串' });
const flag = (extra: object = {}) => ({ type: 'boolean', ...extra, 'x-message': '必须是 true 或 false' });
const oneOf = (values: readonly string[], extra: object = {}) => ({
  enum: [...values],
  ...extra,
  'x-message': `必须是 ${values.join('、')} 之一`,
});
const DATE_FORMAT_MESSAGE = '必须是 iso8601、epoch-millis、epoch-seconds，或含 yyyy 的日期格式（如 yyyy-MM-dd）';
const path = (extra: object = {}) => ({ $ref: '#/$defs/path', ...extra });
const paths = (at: string) => ({
  type: 'array',
  minItems: 2,
  items: path(),
  'x-messages': { type: `至少要列出两个${at}路径`, minItems: `至少要列出两个${at}路径`, dependentRequired: `至少要列出两个${at}路径` },
});

/**
 * The mapping spec's shape (联通桥字段映射), JSON Schema 2020-12: the one definition `compileMapping`
 * checks a spec's structure with, published for editors as `mapping-spec.schema.json` (generated from
 * this module; `mapping-spec.schema.spec.ts` keeps the file current). What a schema cannot say —
 * paths that parse, code tables that resolve by name and version, the options that may not go with a
 * rule's source, date formats, units of one dimension, bounds that agree, targets that do not collide
 * — `resolveSpec` checks after it.
 */
export const MAPPING_SPEC_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://onewindow.example/schemas/mapping-spec.schema.json',
  title: 'OneWindow field mapping spec (联通桥字段映射)',
  description:
    "A declarative two-way field mapping between the platform's JSON and a department system's records. compileMapping validates more than this schema can (code table names, array levels, conflicting targets).",
  ...object(
    {
      $schema: { type: 'string' },
      name: name(),
      version: name({ description: 'Quote it in YAML: "2026.1".' }),
      description: text(),
      direction: object(
        {
          source: name({ description: 'The system records come from, e.g. DCF-SCJGJ 企业登记系统.' }),
          target: name(),
        },
        {
          type: '必须是对象，写明来源系统（source）和目标系统（target）的名称',
          required: '必须是对象，写明来源系统（source）和目标系统（target）的名称',
        },
        { required: ['source', 'target'] },
      ),
      emptyStringIsMissing: flag({ description: 'Treat "" in the source as a missing value.' }),
      codeTables: {
        type: 'array',
        items: {
          type: 'object',
          if: { required: ['ref'] },
          then: { $ref: '#/$defs/codeTableReference' },
          else: { $ref: '#/$defs/codeTable' },
          'x-messages': { type: '必须是代码表（name、version、entries）或引用（ref、version）' },
        },
        'x-messages': { type: '必须是列表，每项为代码表或对共享代码表的引用' },
      },
      fields: {
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/fieldRule' },
        'x-messages': { type: '必须是非空的字段规则列表', minItems: '必须是非空的字段规则列表', required: '必须是非空的字段规则列表' },
      },
    },
    { type: '映射规则必须是对象' },
    { required: ['name', 'version', 'direction', 'fields'] },
  ),
  $defs: {
    path: {
      type: 'string',
      pattern: '^[^.\\[\\]\\s]+(\\[[0-9]*\\])*(\\.[^.\\[\\]\\s]+(\\[[0-9]*\\])*)*$',
      description: 'Dot path; [] maps every element of an array (materials[].code), [0] one element.',
      'x-message': '必须是非空的路径字符串',
    },
    scalar: { type: ['string', 'number', 'boolean', 'null'], 'x-message': '必须是字符串、数值、布尔值或 null' },
    codeTable: object(
      {
        name: name(),
        version: name(),
        title: text(),
        entries: {
          type: 'array',
          minItems: 1,
          items: object(
            {
              code: {
                type: 'string',
                minLength: 1,
                description: 'Quote codes in YAML: "01", not 01.',
                'x-message': '必须是非空字符串（YAML 中代码要加引号：写 "01"，不写 01）',
              },
              label: text(),
              reverse: {
                const: true,
                description: 'On the one entry a label shared by several codes maps back to (many-to-one with the reverse declared).',
                'x-message': '只能写 true（标在重复名称反查时对应的那一项上），或者不写',
              },
            },
            { type: '必须是 { code, label }' },
            { required: ['code', 'label'] },
          ),
          'x-message': '必须是非空的 { code, label } 列表',
        },
      },
      { type: '必须是代码表' },
      { required: ['name', 'version', 'entries'] },
    ),
    codeTableReference: object(
      {
        ref: {
          type: 'string',
          minLength: 1,
          description: 'Name of a shared code table passed in at compile time.',
          'x-message': '必须是共享代码表的名称',
        },
        version: name(),
      },
      {},
      { required: ['ref'] },
    ),
    condition: object(
      {
        path: path(),
        equals: { $ref: '#/$defs/scalar' },
        in: { type: 'array', minItems: 1, items: { $ref: '#/$defs/scalar' }, 'x-message': '必须是非空列表，元素为字符串、数值或布尔值' },
        exists: flag(),
      },
      { type: '必须是 { path, equals | in | exists }', oneOf: '必须且只能有 equals、in、exists 其中之一' },
      { required: ['path'], oneOf: [{ required: ['equals'] }, { required: ['in'] }, { required: ['exists'] }] },
    ),
    dateFormat: {
      anyOf: [
        { enum: ['iso8601', 'epoch-millis', 'epoch-seconds'], 'x-message': DATE_FORMAT_MESSAGE },
        {
          type: 'string',
          pattern: 'yyyy',
          description: 'Pattern with yyyy, MM/M, dd/d, HH/H, mm, ss, SSS, e.g. yyyy年MM月dd日.',
          'x-message': DATE_FORMAT_MESSAGE,
        },
      ],
    },
    date: object(
      {
        from: { $ref: '#/$defs/dateFormat' },
        to: { $ref: '#/$defs/dateFormat' },
        timeZone: {
          type: 'string',
          description: 'Asia/Shanghai (and other fixed-offset zones) or an offset like +08:00.',
          'x-message': '必须填写，例如 Asia/Shanghai 或 +08:00',
        },
      },
      { type: '必须是 { from, to, timeZone }' },
      { required: ['from', 'to', 'timeZone'] },
    ),
    unit: { enum: Object.keys(UNITS), 'x-message': `未定义的单位（可用：${Object.keys(UNITS).join('、')}）` },
    number: object(
      {
        from: { $ref: '#/$defs/unit' },
        to: { $ref: '#/$defs/unit' },
        multiply: { type: 'number', not: { const: 0 }, 'x-message': '必须是非零的有限数值' },
        decimals: { type: 'integer', minimum: 0, maximum: 20, 'x-message': '必须是 0 到 20 的整数' },
        rounding: oneOf(ROUNDING_MODES),
        output: { enum: ['number', 'string'], 'x-message': '必须是 number 或 string' },
        sourceType: { enum: ['number', 'string'], 'x-message': '必须是 number 或 string' },
      },
      { type: '必须是单位换算 { from, to } 或倍数 { multiply }，可另写 decimals、rounding、output' },
    ),
    boolean: object(
      {
        true: {
          type: ['string', 'number'],
          minLength: 1,
          description: 'How the department writes yes: 是, Y, 1.',
          'x-message': '必须是部门系统对应的文字或数字，例如 是、Y 或 1',
        },
        false: {
          type: ['string', 'number'],
          minLength: 1,
          description: 'How the department writes no: 否, N, 0.',
          'x-message': '必须是部门系统对应的文字或数字，例如 是、Y 或 1',
        },
        to: {
          enum: ['text', 'boolean'],
          description: 'text writes the words; boolean reads them (compared as text).',
          'x-message': '必须是 text（写出文字）或 boolean（读取文字）',
        },
      },
      { type: '必须是 { true, false, to }，例如 { true: 是, false: 否, to: text }' },
      {
        required: ['true', 'false', 'to'],
        description: "Yes/no (是否): platform booleans and the department's words, e.g. { true: 是, false: 否, to: text }.",
      },
    ),
    range: object(
      { min: { type: 'number', 'x-message': '必须是有限数值' }, max: { type: 'number', 'x-message': '必须是有限数值' } },
      { type: '必须是 { min, max }，至少写其中一个', minProperties: '必须是 { min, max }，至少写其中一个' },
      { minProperties: 1, description: 'Bounds of the number written (inclusive, exact decimals).' },
    ),
    length: object(
      {
        min: { type: 'integer', minimum: 0, 'x-message': '必须是字符数（0 或正整数）' },
        max: { type: 'integer', minimum: 0, 'x-message': '必须是字符数（0 或正整数）' },
      },
      { type: '必须是 { min, max }，至少写其中一个', minProperties: '必须是 { min, max }，至少写其中一个' },
      { minProperties: 1, description: 'Characters (code points) of the text written, e.g. for a department column varchar(200).' },
    ),
    fieldRule: object(
      {
        target: path(),
        targets: paths('目标'),
        label: text({ description: 'Human name for error messages, e.g. 性别.' }),
        required: flag({ default: true }),
        when: { $ref: '#/$defs/condition' },
        from: path(),
        const: {},
        concat: paths('来源'),
        split: path(),
        separator: text(),
        default: {},
        codeTable: { type: 'string', minLength: 1, 'x-message': '必须是代码表的名称' },
        lookup: oneOf(LOOKUPS),
        unmapped: oneOf(UNMAPPED_POLICIES),
        date: { $ref: '#/$defs/date' },
        number: { $ref: '#/$defs/number' },
        boolean: { $ref: '#/$defs/boolean' },
        range: { $ref: '#/$defs/range' },
        length: { $ref: '#/$defs/length' },
      },
      { type: '必须是字段规则对象', oneOf: '需要 from、const、concat、split 其中之一' },
      {
        description:
          'One target field. Exactly one source: from, const or concat (with separator) writes target; split (with separator) writes targets.',
        oneOf: [{ required: ['from'] }, { required: ['const'] }, { required: ['concat'] }, { required: ['split'] }],
        dependentRequired: { from: ['target'], const: ['target'], concat: ['target', 'separator'], split: ['targets', 'separator'] },
      },
    ),
  },
};

/** A list of code tables shared by several specs (a department system's own codes), each shaped as a spec's inline table. */
export const CODE_TABLES_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'array',
  items: { $ref: '#/$defs/codeTable' },
  'x-messages': { type: '必须是代码表列表，每项含 name、version、entries' },
  $defs: MAPPING_SPEC_SCHEMA.$defs,
};

/** One code table on its own (one passed in at compile time). */
export const CODE_TABLE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $ref: '#/$defs/codeTable',
  $defs: MAPPING_SPEC_SCHEMA.$defs,
};
