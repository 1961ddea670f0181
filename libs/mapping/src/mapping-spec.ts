/**
 * A declarative two-way field mapping (联通桥字段映射) between the platform's JSON events and a
 * department system's own record format. Specs are written in YAML or JSON. Their shape is the
 * JSON Schema in `mapping-spec-schema.ts` (what `compileMapping` checks a spec with first), published
 * for editors as `mapping-spec.schema.json`.
 */
export interface MappingSpec {
  name: string;
  version: string;
  description?: string;
  direction: { source: string; target: string };
  /** Department systems often send "" for an absent value; when true, "" counts as missing. */
  emptyStringIsMissing?: boolean;
  /** Inline tables, or references pinning the version of a shared table passed in at compile time. */
  codeTables?: CodeTableDeclaration[];
  fields: FieldRule[];
}

export type Scalar = string | number | boolean | null;
export type JsonValue = Scalar | JsonValue[] | { [key: string]: JsonValue };

/** A versioned dictionary (代码表): each code has one label; labels may repeat (many-to-one). */
export interface CodeTable {
  /** How specs refer to it, usually the standard's number, e.g. `GB/T 2261.1`. */
  name: string;
  version: string;
  title?: string;
  entries: readonly CodeTableEntry[];
}

export interface CodeTableEntry {
  code: string;
  label: string;
  /**
   * Where several codes share a label (多对一, e.g. three platform project types that the
   * department files under one code), the one entry the label maps back to.
   */
  reverse?: true;
}

export interface CodeTableReference {
  ref: string;
  version?: string;
}

export type CodeTableDeclaration = CodeTable | CodeTableReference;

export type UnmappedPolicy = 'error' | 'default' | 'pass-through';
export type CodeLookup = 'code-to-label' | 'label-to-code';

/** Exactly one of `equals`, `in` and `exists`. */
export interface Condition {
  path: string;
  equals?: Scalar;
  in?: Scalar[];
  exists?: boolean;
}

/**
 * `yyyy`, `MM`/`M`, `dd`/`d`, `HH`/`H`, `mm`, `ss`, `SSS` with literal text between them (e.g.
 * `yyyy年MM月dd日`, `'T'` quoted), or one of the named formats.
 */
export type DateFormat = 'iso8601' | 'epoch-millis' | 'epoch-seconds' | (string & {});

export interface DateConversion {
  from: DateFormat;
  to: DateFormat;
  /** `Asia/Shanghai` (and the other fixed-offset zones listed in the README) or an offset like `+08:00`. */
  timeZone: string;
}

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'exact';

export interface NumberConversion {
  /** Units of one dimension, e.g. 万元 → 元; or use `multiply`. */
  from?: string;
  to?: string;
  multiply?: number;
  decimals?: number;
  /** Default `half-up` (四舍五入) when `decimals` is set; `exact` refuses any loss of precision. */
  rounding?: RoundingMode;
  output?: 'number' | 'string';
  /** How the source carries the number; the output type of the derived reverse rule. */
  sourceType?: 'number' | 'string';
}

/**
 * One target field. Exactly one source: `from`, `const`, `concat` or `split`. `split` writes
 * `targets`; every other kind writes `target`.
 */
export interface FieldRule {
  target?: string;
  targets?: string[];
  /** Human name used in error messages, e.g. 性别. */
  label?: string;
  /** Default true: a missing source value is an error naming its path. */
  required?: boolean;
  when?: Condition;
  from?: string;
  const?: JsonValue;
  concat?: string[];
  split?: string;
  separator?: string;
  /** A target value used when the source is missing (and for unknown codes with `unmapped: default`). */
  default?: JsonValue;
  codeTable?: string;
  lookup?: CodeLookup;
  unmapped?: UnmappedPolicy;
  date?: DateConversion;
  number?: NumberConversion;
  boolean?: BooleanConversion;
  /** The value written must lie within these bounds (inclusive, exact decimals). */
  range?: NumericRange;
  /** The text written must have this many characters (Unicode code points). */
  length?: TextLength;
}

/**
 * Yes/no (是否) between the platform's booleans and a department's words: 是/否, Y/N, 1/0.
 * `to: text` writes `true`/`false` as the configured values (as given: "1" or 1); `to: boolean`
 * reads them (compared as text, so "1" and 1 both read) and genuine booleans back.
 */
export interface BooleanConversion {
  true: string | number;
  false: string | number;
  to: 'text' | 'boolean';
}

export interface NumericRange {
  min?: number;
  max?: number;
}

export interface TextLength {
  min?: number;
  max?: number;
}

/** A problem in a spec, located by its path in the spec, e.g. `fields[3].codeTable`. */
export interface SpecProblem {
  path: string;
  message: string;
}

export class MappingSpecError extends Error {
  constructor(
    readonly problems: readonly SpecProblem[],
    readonly specName?: string,
  ) {
    super(
      `映射规则${specName ? `"${specName}"` : ''}不合规：\n` +
        problems.map((problem) => `  ${problem.path ? `${problem.path}: ` : ''}${problem.message}`).join('\n'),
    );
    this.name = 'MappingSpecError';
  }
}
