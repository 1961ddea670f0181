/**
 * An application form (申请表) as the catalogue stores it with each item version: the form data's
 * JSON Schema (draft 2020-12) with OneWindow's extension keywords (`x-…`), a small layout section
 * for people, and the rules by which the item's 办理情形 answers make fields required or add them.
 *
 * Labels and help texts are the schema's own annotations (`title`, `description`), so every
 * validation message can name the field; the layout only orders and groups.
 */
export interface FormDefinition {
  schema: FormSchema;
  layout: FormLayout;
  /** 办理情形: fields required, or asked at all, only for some answers. */
  situations?: SituationRule[];
}

export const FORM_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The form data's schema: always an object whose properties are the form's fields. */
export interface FormSchema extends FieldSchema {
  $schema: typeof FORM_SCHEMA_DIALECT;
  /** The form's title as printed, e.g. 建筑工程施工许可申请表. */
  title: string;
  type: 'object';
  properties: Record<string, FieldSchema>;
}

/**
 * What kind of value a field holds, beyond JSON types. Each kind has one schema shape (see
 * `fieldOfKind`) and, where JSON Schema cannot say it, a check of its own:
 * - `money`: 元 as an exact decimal string (`"12500.00"`), never a binary float;
 * - `division-address`: `{ division, detail }`, a GB/T 2260 county code and the street address;
 * - `credit-code` / `resident-id` / `phone`: checked as everywhere else on the platform;
 * - `project-code`: 投资项目代码 `2026-371502-47-01-012345`;
 * - `material`: a reference to one of the item's materials (`x-material`), the value names the file.
 */
export const FIELD_KINDS = [
  'text',
  'number',
  'money',
  'date',
  'code',
  'codes',
  'yes-no',
  'division-address',
  'phone',
  'credit-code',
  'resident-id',
  'project-code',
  'group',
  'repeat',
  'material',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** One entry of a code list (代码表): the code stored and sent, the Chinese label shown. */
export interface CodeListEntry {
  code: string;
  label: string;
}

/** The shared data sources the bridge looks up (`GET /prefill`), by the key each takes. */
export const PREFILL_SOURCES = {
  enterprise: { name: '法人库', key: 'creditCode', keyKind: 'credit-code' },
  person: { name: '人口库', key: 'idNumber', keyKind: 'resident-id' },
  project: { name: '投资项目库', key: 'projectCode', keyKind: 'project-code' },
} as const satisfies Record<string, { name: string; key: string; keyKind: FieldKind }>;
export type PrefillSource = keyof typeof PREFILL_SOURCES;

/**
 * 数据自动调取: where a field's value comes from. The form asks the bridge
 * `GET /prefill?<key>=<value at from>` and takes the returned field `field`.
 */
export interface PrefillRef {
  source: PrefillSource;
  /** Path of the field in this form that holds the look-up key, e.g. `builder.creditCode`. */
  from: string;
  /** Path of the value in the bridge's answer, e.g. `enterprise.legalRepresentative`. */
  field: string;
}

/**
 * A field: a JSON Schema 2020-12 subschema. Standard keywords validate and annotate as usual;
 * the `x-` keywords carry what JSON Schema does not say.
 */
export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  /** The Chinese label (栏目名称). */
  title?: string;
  /** Help text (填写说明). */
  description?: string;
  format?: 'date';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: FieldSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  allOf?: FieldSchema[];
  /** Conditions on the form's own answers (家庭经营 → 家庭成员 required), as JSON Schema says them. */
  if?: FieldSchema;
  then?: FieldSchema;
  else?: FieldSchema;
  const?: string | number | boolean;
  enum?: Array<string | number | boolean>;

  'x-kind'?: FieldKind;
  /** 数据元: the shared data element this field is; its definition is merged in (see `resolveForm`). */
  'x-element'?: string;
  /** Unit shown after numbers and in messages: 平方米, 人, 元, 万元. */
  'x-unit'?: string;
  /** Most decimal places a number or an amount may have. */
  'x-precision'?: number;
  /** Smallest and largest amount of a `money` field, as exact decimal strings. */
  'x-min'?: string;
  'x-max'?: string;
  /** Code list of a `code` field (or the items of a `codes` field). */
  'x-codes'?: CodeListEntry[];
  /** A date no earlier than the sibling date field named here (计划竣工日期 after 计划开工日期). */
  'x-not-before'?: string;
  /** Message for a `pattern` mismatch, e.g. 应为6位邮政编码. */
  'x-pattern-message'?: string;
  'x-prefill'?: PrefillRef;
  /** The item material (code) a `material` field refers to. */
  'x-material'?: string;
}

/** Presentation only: the order of the form, in groups, and hints for the controls. */
export interface FormLayout {
  groups: LayoutGroup[];
  /** Per field path: a placeholder, a multi-line text box. */
  controls?: Record<string, { placeholder?: string; multiline?: boolean }>;
}

export interface LayoutGroup {
  title: string;
  description?: string;
  /** Field paths in display order: top-level fields, or fields of a nested group (`builder.name`). */
  fields: string[];
}

/** 办理情形 rule: with these answers, these fields are required, or asked at all. */
export interface SituationRule {
  when: {
    /** In a merged (一表申请) form: the item whose answer counts. Absent in an item's own form. */
    item?: string;
    question: string;
    answers: string[];
  };
  /** Paths of fields required in this situation (top-level, or inside a group: `operator.idNumber`). */
  require?: string[];
  /** Fields asked only in this situation, added to the object at `at` (the form itself when absent). */
  fields?: Record<string, FieldSchema>;
  at?: string;
}

/** 办理情形 answers per item code: question code → option code. */
export type SituationAnswers = Record<string, Record<string, string>>;

/** A form that asks nothing beyond the applicant: what an item version without a form of its own is taken to have. */
export const EMPTY_FORM: FormDefinition = Object.freeze({
  schema: { $schema: FORM_SCHEMA_DIALECT, title: '申请表', type: 'object', properties: {}, additionalProperties: false },
  layout: { groups: [] },
}) as FormDefinition;
