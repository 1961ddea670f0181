import type { CodeListEntry, FieldSchema, PrefillRef } from './form-definition';

/**
 * Builders for fields of each kind, so a form (the demo catalogue's, a test's) is written as what
 * it asks, not as JSON Schema boilerplate. Each returns a plain subschema; `extra` adds or
 * overrides keywords (help text, limits, an auto-fill source).
 */
type Extra = Partial<FieldSchema>;

export const field = {
  text(title: string, maxLength = 100, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'text', title, minLength: 1, maxLength, ...extra };
  },

  /** A number with its unit; `precision` decimal places (0: whole numbers). Positive unless `minimum` says otherwise. */
  number(title: string, unit: string, precision: number, extra: Extra = {}): FieldSchema {
    const limit: Extra = extra.minimum !== undefined ? {} : { exclusiveMinimum: 0 };
    return {
      type: precision === 0 ? 'integer' : 'number',
      'x-kind': 'number',
      title,
      'x-unit': unit,
      'x-precision': precision,
      ...limit,
      ...extra,
    };
  },

  /** An amount in 元 (or 万元) as an exact decimal string: `"12500.00"`. */
  money(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'money', title, 'x-unit': '元', 'x-precision': 2, 'x-min': '0.01', ...extra };
  },

  date(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'date', format: 'date', title, ...extra };
  },

  code(title: string, codes: CodeListEntry[], extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'code', title, 'x-codes': codes, ...extra };
  },

  /** Several codes of one list (多选). */
  codes(title: string, codes: CodeListEntry[], extra: Extra = {}): FieldSchema {
    return {
      type: 'array',
      'x-kind': 'codes',
      title,
      items: { type: 'string', 'x-codes': codes },
      minItems: 1,
      uniqueItems: true,
      ...extra,
    };
  },

  yesNo(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'boolean', 'x-kind': 'yes-no', title, ...extra };
  },

  /** 行政区划 (GB/T 2260 county-level code) and the address within it. */
  address(title: string, extra: Extra = {}): FieldSchema {
    return {
      type: 'object',
      'x-kind': 'division-address',
      title,
      properties: {
        division: { type: 'string', title: '所在区划', pattern: '^[1-8][0-9]{5}$', 'x-pattern-message': '应为6位行政区划代码' },
        detail: { type: 'string', title: '详细地址', minLength: 2, maxLength: 200 },
      },
      required: ['division', 'detail'],
      additionalProperties: false,
      ...extra,
    };
  },

  phone(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'phone', title, ...extra };
  },

  creditCode(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'credit-code', title, ...extra };
  },

  residentId(title: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'resident-id', title, ...extra };
  },

  projectCode(title: string, extra: Extra = {}): FieldSchema {
    return {
      type: 'string',
      'x-kind': 'project-code',
      title,
      pattern: '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$',
      'x-pattern-message': '应为 年份-区划-行业-类别-流水号，如 2026-371502-47-01-012345',
      ...extra,
    };
  },

  /** A group of fields filled once (建设单位: 名称, 统一社会信用代码, …). */
  group(title: string, properties: Record<string, FieldSchema>, required: string[], extra: Extra = {}): FieldSchema {
    return { type: 'object', 'x-kind': 'group', title, properties, required, additionalProperties: false, ...extra };
  },

  /** A repeatable group (股东, 从业人员, 设备, 场所): a table of rows, between `min` and `max` of them. */
  repeat(
    title: string,
    row: Record<string, FieldSchema>,
    required: string[],
    limits: { min: number; max: number },
    extra: Extra = {},
  ): FieldSchema {
    return {
      type: 'array',
      'x-kind': 'repeat',
      title,
      items: { type: 'object', properties: row, required, additionalProperties: false },
      minItems: limits.min,
      maxItems: limits.max,
      ...extra,
    };
  },

  /** A reference to one of the item's materials: the value names the file or document handed in. */
  material(title: string, materialCode: string, extra: Extra = {}): FieldSchema {
    return { type: 'string', 'x-kind': 'material', title, 'x-material': materialCode, minLength: 1, maxLength: 200, ...extra };
  },

  /** A field that is the shared data element `code` (数据元), with the element's definition merged in. */
  element(code: string, extra: Extra = {}): FieldSchema {
    return { 'x-element': code, ...extra };
  },
};

/** An auto-fill source for a field: the bridge's look-up by the key held in the form at `from`. */
export function prefill(source: PrefillRef['source'], from: string, fieldPath: string): Extra {
  return { 'x-prefill': { source, from, field: fieldPath } };
}
