import { compileDocumentShape, inDocumentOrder } from '@onewindow/domain';
import type {
  CodeLookup,
  CodeTable,
  FieldRule,
  JsonValue,
  MappingSpec,
  RoundingMode,
  Scalar,
  SpecProblem,
  UnmappedPolicy,
} from '../mapping-spec';
import { CODE_TABLE_SCHEMA, CODE_TABLES_SCHEMA, MAPPING_SPEC_SCHEMA } from '../mapping-spec-schema';
import { compileDateFormat, parseTimeZone, type DateCodec } from './dates';
import { compareDecimals, parseDecimal, UNITS, type Decimal } from './decimal';
import { parsePath, pathsOverlap, type ParsedPath, type Step } from './paths';

/** A spec's shape, a shared table's and a list of tables', each the published schema's, compiled once. */
const checkSpecShape = compileDocumentShape(MAPPING_SPEC_SCHEMA);
const checkTableShape = compileDocumentShape(CODE_TABLE_SCHEMA);
const checkTablesShape = compileDocumentShape(CODE_TABLES_SCHEMA);

const DIMENSION_NAMES: Readonly<Record<'money' | 'ratio' | 'area', string>> = { money: '金额', ratio: '比例', area: '面积' };

export interface ResolvedTable {
  table: CodeTable;
  byCode: ReadonlyMap<string, string>;
  /** Only when every label belongs to one code, or a repeated label names its code with `reverse: true`. */
  byLabel: ReadonlyMap<string, string> | undefined;
  /** Labels several codes share, with the code the reverse declared for each (many-to-one tables). */
  collapsed: ReadonlyMap<string, { codes: readonly string[]; reverse: string | undefined }>;
}

export type Transform =
  | { kind: 'codeTable'; table: ResolvedTable; lookup: CodeLookup; unmapped: UnmappedPolicy }
  | { kind: 'date'; from: DateCodec; to: DateCodec; offsetMinutes: number; fromFormat: string; toFormat: string }
  | { kind: 'number'; factor: Decimal; decimals: number | undefined; rounding: RoundingMode; output: 'number' | 'string' }
  | { kind: 'boolean'; yes: Scalar; no: Scalar; to: 'text' | 'boolean' };

/** Bounds of the value a rule writes: a numeric range (exact decimals) and a text length in characters. */
export interface ResolvedCheck {
  range?: { min?: Decimal; max?: Decimal };
  length?: { min?: number; max?: number };
}

export interface ResolvedCondition {
  path: ParsedPath;
  /** The array level whose current element the path is read from (0: the record itself). */
  level: number;
  steps: Step[];
  test: (value: unknown) => boolean;
}

export interface ResolvedRule {
  index: number;
  /** `fields[3]`: where the rule is in the spec. */
  at: string;
  rule: FieldRule;
  kind: 'from' | 'const' | 'concat' | 'split';
  label: string | undefined;
  required: boolean;
  sources: ParsedPath[];
  targets: ParsedPath[];
  /** Arrays iterated: sources and targets have this many `[]`. */
  depth: number;
  condition: ResolvedCondition | undefined;
  transform: Transform | undefined;
  check: ResolvedCheck | undefined;
  hasDefault: boolean;
}

export interface ResolvedSpec {
  spec: MappingSpec;
  rules: ResolvedRule[];
  emptyStringIsMissing: boolean;
}

export interface ResolveOptions {
  codeTables?: readonly CodeTable[];
}

/** Collects problems; callers compare `count` before and after to know whether a part was clean. */
class Sink {
  readonly problems: SpecProblem[] = [];
  readonly add = (path: string, message: string): void => {
    this.problems.push({ path, message });
  };
  get count(): number {
    return this.problems.length;
  }
}

type Add = (path: string, message: string) => void;

/**
 * A spec's shape is the published schema's (`mapping-spec-schema.ts`); what a schema cannot say is
 * checked here and the spec resolved: paths, code tables by name and version, several sources named,
 * the options that may not go with a source, date formats, units, bounds, targets across rules.
 */
export function resolveSpec(
  input: unknown,
  options: ResolveOptions = {},
): { ok: true; resolved: ResolvedSpec } | { ok: false; problems: SpecProblem[] } {
  const shape = checkSpecShape(input);
  if (!isRecord(input)) return { ok: false, problems: shape };
  const sink = new Sink();
  const add = sink.add;
  const tables = resolveCodeTables(input['codeTables'], options.codeTables ?? [], sink);

  const rules: ResolvedRule[] = [];
  const fields = input['fields'];
  if (Array.isArray(fields)) {
    // A rule the schema refused is still checked on its own, but takes no part in the checks across rules.
    const refused = (at: string) => shape.some((problem) => problem.path === at || problem.path.startsWith(`${at}.`));
    fields.forEach((field, index) => {
      const rule = resolveRule(field, index, tables, sink);
      if (rule && !refused(rule.at)) rules.push(rule);
    });
    resolveConstantArrays(rules, add);
    checkTargets(rules, add);
  }
  const problems = merged(shape, sink.problems, input);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    resolved: { spec: input as unknown as MappingSpec, rules, emptyStringIsMissing: input['emptyStringIsMissing'] === true },
  };
}

/**
 * The schema's problems and the checks', in the order the document is written. Where both speak of
 * one value, the check's sentence is the precise one (the path that does not parse, the date format,
 * the unit) and the schema's is left out.
 */
function merged(shape: readonly SpecProblem[], checks: readonly SpecProblem[], document: unknown): SpecProblem[] {
  const checked = new Set(checks.map((problem) => problem.path));
  return inDocumentOrder([...checks, ...shape.filter((problem) => !checked.has(problem.path))], document);
}

/** A path inside a part of a document: `codeTables[0]` and `entries[1].code`, `[2]` and `name`. */
function within(at: string, path: string): string {
  if (!path) return at;
  return path.startsWith('[') ? `${at}${path}` : `${at}.${path}`;
}

interface TableLookup {
  get(name: string, at: string): ResolvedTable | undefined;
}

function resolveCodeTables(declared: unknown, shared: readonly CodeTable[], sink: Sink): TableLookup {
  const add = sink.add;
  const sharedByName = new Map<string, CodeTable[]>();
  shared.forEach((table, index) => {
    const at = `options.codeTables[${index}]`;
    const shape = checkTableShape(table);
    shape.forEach((problem) => add(within(at, problem.path), problem.message));
    if (checkCodeTable(table, at, sink) && shape.length === 0) {
      sharedByName.set(table.name, [...(sharedByName.get(table.name) ?? []), table]);
    }
  });
  const local = new Map<string, ResolvedTable>();
  // Not a list, an entry neither table nor reference, a name that is no text: the schema has said so.
  if (Array.isArray(declared)) {
    declared.forEach((entry: unknown, index) => {
      const at = `codeTables[${index}]`;
      if (!isRecord(entry)) return undefined;
      if ('ref' in entry) {
        const name = entry['ref'];
        const version = entry['version'];
        if (typeof name !== 'string' || name === '' || (version !== undefined && typeof version !== 'string')) return undefined;
        const candidates = sharedByName.get(name) ?? [];
        const found = candidates.find((table) => version === undefined || table.version === version);
        if (!found) {
          return add(
            `${at}.ref`,
            candidates.length === 0
              ? `未定义的共享代码表"${name}"`
              : `共享代码表"${name}"没有版本"${String(version)}"（现有版本：${candidates.map((table) => table.version).join('、')}）`,
          );
        }
        if (version === undefined && candidates.length > 1) {
          return add(
            `${at}.version`,
            `共享代码表"${name}"有多个版本（${candidates.map((t) => t.version).join('、')}），请用 version 指定其中一个`,
          );
        }
        if (local.has(name)) return add(`${at}.ref`, `代码表"${name}"重复声明`);
        local.set(name, indexTable(found));
        return undefined;
      }
      if (!checkCodeTable(entry, at, sink) || checkTableShape(entry).length > 0) return undefined;
      const table = entry as unknown as CodeTable;
      if (local.has(table.name)) return add(`${at}.name`, `代码表"${table.name}"重复声明`);
      local.set(table.name, indexTable(table));
      return undefined;
    });
  }
  const sharedIndexed = new Map<CodeTable, ResolvedTable>();
  return {
    get(name, at) {
      const declaredTable = local.get(name);
      if (declaredTable) return declaredTable;
      const candidates = sharedByName.get(name) ?? [];
      const [only] = candidates;
      if (!only) {
        add(at, `未定义的代码表"${name}"`);
        return undefined;
      }
      if (candidates.length > 1) {
        add(
          at,
          `代码表"${name}"有多个版本（${candidates.map((t) => t.version).join('、')}），请在 codeTables 中用 ref 和 version 指定其中一个`,
        );
        return undefined;
      }
      let indexed = sharedIndexed.get(only);
      if (!indexed) {
        indexed = indexTable(only);
        sharedIndexed.set(only, indexed);
      }
      return indexed;
    },
  };
}

/** A list of code tables on its own (shared by several specs), each shaped and checked as a spec's inline table; names unique. */
export function checkCodeTables(tables: unknown): SpecProblem[] {
  const shape = checkTablesShape(tables);
  if (!Array.isArray(tables)) return shape;
  const sink = new Sink();
  const seen = new Set<string>();
  tables.forEach((table: unknown, index) => {
    const at = `[${index}]`;
    if (!checkCodeTable(table, at, sink) || checkTableShape(table).length > 0) return;
    const { name, version } = table as CodeTable;
    if (seen.has(`${name}@${version}`)) sink.add(`${at}.name`, `代码表"${name}"的版本"${version}"重复列出`);
    seen.add(`${name}@${version}`);
  });
  return merged(shape, sink.problems, tables);
}

/** What a table's schema cannot say: each code once, and one entry a repeated label maps back to. True when nothing was found. */
function checkCodeTable(table: unknown, at: string, sink: Sink): boolean {
  const before = sink.count;
  const track = sink.add;
  const entries = isRecord(table) ? table['entries'] : undefined;
  if (!Array.isArray(entries)) return true;
  const seen = new Set<string>();
  const reverseOf = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const entryAt = `${at}.entries[${index}]`;
    if (!isRecord(entry)) return;
    const code = entry['code'];
    if (typeof code === 'string') {
      if (seen.has(code)) track(`${entryAt}.code`, `代码"${code}"重复出现`);
      seen.add(code);
    }
    if (entry['reverse'] === true && typeof entry['label'] === 'string') {
      const earlier = reverseOf.get(entry['label']);
      if (earlier !== undefined)
        track(`${entryAt}.reverse`, `名称"${entry['label']}"已由 entries[${earlier}] 标为反查项；每个名称只能标一项`);
      else reverseOf.set(entry['label'], index);
    }
  });
  return sink.count === before;
}

/**
 * A table indexed both ways. A label several codes share (多对一) maps back to the entry marked
 * `reverse: true`; without one, the table cannot be read label-to-code.
 */
function indexTable(table: CodeTable): ResolvedTable {
  const byCode = new Map<string, string>();
  const codesOf = new Map<string, string[]>();
  const declared = new Map<string, string>();
  for (const { code, label, reverse } of table.entries) {
    byCode.set(code, label);
    codesOf.set(label, [...(codesOf.get(label) ?? []), code]);
    if (reverse === true) declared.set(label, code);
  }
  const byLabel = new Map<string, string>();
  const collapsed = new Map<string, { codes: readonly string[]; reverse: string | undefined }>();
  let complete = true;
  for (const [label, codes] of codesOf) {
    const reverse = codes.length === 1 ? codes[0] : declared.get(label);
    if (codes.length > 1) collapsed.set(label, { codes, reverse });
    if (reverse === undefined) complete = false;
    else byLabel.set(label, reverse);
  }
  return { table, byCode, byLabel: complete ? byLabel : undefined, collapsed };
}

const SOURCE_KINDS = ['from', 'const', 'concat', 'split'] as const;

function resolveRule(field: unknown, index: number, tables: TableLookup, sink: Sink): ResolvedRule | undefined {
  const at = `fields[${index}]`;
  const report = sink.add;
  if (!isRecord(field)) return undefined;
  const before = sink.count;
  const kinds = SOURCE_KINDS.filter((kind) => field[kind] !== undefined);
  // No source at all the schema asks for; several it cannot name.
  if (kinds.length !== 1) {
    if (kinds.length > 1) report(at, `有多个来源（${kinds.join('、')}），只能用一个`);
    return undefined;
  }
  const kind = kinds[0] as ResolvedRule['kind'];
  const allowed: Record<ResolvedRule['kind'], readonly string[]> = {
    from: ['default', 'codeTable', 'lookup', 'unmapped', 'date', 'number', 'boolean', 'range', 'length'],
    const: [],
    concat: ['separator', 'length'],
    split: ['separator', 'targets'],
  };
  for (const key of [
    'targets',
    'separator',
    'default',
    'codeTable',
    'lookup',
    'unmapped',
    'date',
    'number',
    'boolean',
    'range',
    'length',
  ]) {
    if (field[key] !== undefined && !allowed[kind].includes(key)) report(`${at}.${key}`, `不能与 ${kind} 一起使用`);
  }
  const transforms = (['codeTable', 'date', 'number', 'boolean'] as const).filter((key) => field[key] !== undefined);
  if (kind === 'from' && transforms.length > 1) report(at, `同时使用了 ${transforms.join(' 和 ')}；每个字段只能用一种转换`);
  if (field['default'] !== undefined && !isJsonValue(field['default'], 0)) report(`${at}.default`, '必须是 JSON 值');

  // Sources
  const sources: ParsedPath[] = [];
  const pathAt = (value: unknown, path: string): ParsedPath | undefined => {
    const parsed = parsePath(value);
    if (typeof parsed === 'string') {
      report(path, parsed);
      return undefined;
    }
    return parsed;
  };
  if (kind === 'from' || kind === 'split') {
    const parsed = pathAt(field[kind], `${at}.${kind}`);
    if (parsed) sources.push(parsed);
  } else if (kind === 'concat') {
    const parts = field['concat'];
    if (Array.isArray(parts))
      parts.forEach((part: unknown, partIndex) => {
        const parsed = pathAt(part, `${at}.concat[${partIndex}]`);
        if (parsed) sources.push(parsed);
      });
  } else if (!isJsonValue(field['const'], 0)) {
    report(`${at}.const`, '必须是 JSON 值');
  }

  // Targets
  const targets: ParsedPath[] = [];
  if (kind === 'split') {
    if (field['target'] !== undefined) report(`${at}.target`, 'split 写的是 targets（列表），不是 target');
    const list = field['targets'];
    if (Array.isArray(list))
      list.forEach((target: unknown, targetIndex) => {
        const parsed = pathAt(target, `${at}.targets[${targetIndex}]`);
        if (parsed) targets.push(parsed);
      });
  } else if (field['target'] !== undefined) {
    const parsed = pathAt(field['target'], `${at}.target`);
    if (parsed) targets.push(parsed);
  }

  if (kind === 'split' && field['separator'] === '') report(`${at}.separator`, 'split 的分隔符不能为空');

  // A constant inside array elements follows the source array of the rules filling that target array (resolveConstantArrays).
  const constantInArray = kind === 'const' && targets.length === 1 && (targets[0] as ParsedPath).levels.length > 1;
  // Arrays: every source and target iterates the same number of arrays, sources the same ones.
  const depth = constantInArray
    ? (targets[0] as ParsedPath).levels.length - 1
    : sources.length > 0
      ? (sources[0] as ParsedPath).levels.length - 1
      : 0;
  const sourcePrefix = sources[0]?.arrayPrefix ?? '';
  sources.forEach((source, sourceIndex) => {
    if (source.arrayPrefix !== sourcePrefix) {
      report(
        `${at}.concat[${sourceIndex}]`,
        `遍历的是"${source.arrayPrefix || '（无数组）'}"，而第一个来源遍历的是"${sourcePrefix || '（无数组）'}"`,
      );
    }
  });
  targets.forEach((target, targetIndex) => {
    const targetAt = kind === 'split' ? `${at}.targets[${targetIndex}]` : `${at}.target`;
    const targetDepth = target.levels.length - 1;
    if (targetDepth !== depth) {
      report(targetAt, `有 ${targetDepth} 个"[]"，而来源有 ${depth} 个；每个来源数组对应一个目标数组`);
    } else if (targetIndex > 0 && target.arrayPrefix !== (targets[0] as ParsedPath).arrayPrefix) {
      report(targetAt, '必须与第一个目标遍历同一个目标数组');
    }
  });

  // A constant in an array gets its condition once its source array is known.
  const condition =
    field['when'] === undefined || constantInArray ? undefined : resolveCondition(field['when'], `${at}.when`, sources[0], report);
  const transform = kind === 'from' ? resolveTransform(field, at, tables, report) : undefined;
  const check = resolveCheck(field, at, report);
  if (field['unmapped'] === 'default' && field['default'] === undefined) {
    report(`${at}.default`, 'unmapped: default 需要填写 default 默认值');
  }
  if (sink.count !== before) return undefined;
  return {
    index,
    at,
    rule: field as FieldRule,
    kind,
    label: field['label'] as string | undefined,
    // A constant following an array never reports the array missing: the rules it follows do.
    required: field['required'] !== false && !constantInArray,
    sources,
    targets,
    depth,
    condition,
    transform,
    check,
    hasDefault: field['default'] !== undefined,
  };
}

/**
 * A constant written inside array elements (`CLQD[].CLLY: 一窗受理`) iterates the source array of
 * the other rules that fill the same target array, one element per element they write.
 */
function resolveConstantArrays(rules: ResolvedRule[], add: Add): void {
  for (const rule of rules) {
    if (rule.kind !== 'const' || rule.depth === 0) continue;
    const target = rule.targets[0] as ParsedPath;
    const followed = new Set(
      rules
        .filter((other) => other.kind !== 'const' && other.targets.some((path) => path.arrayPrefix === target.arrayPrefix))
        .map((other) => (other.sources[0] as ParsedPath).arrayPrefix),
    );
    if (followed.size !== 1) {
      add(
        `${rule.at}.target`,
        followed.size === 0
          ? `"${target.arrayPrefix}"中的常量随其他规则写入的每个元素重复，但没有规则从来源数组填充"${target.arrayPrefix}"`
          : `填充"${target.arrayPrefix}"的规则读取不同的来源数组（${[...followed].join('、')}），其中的常量无法确定跟随哪个数组`,
      );
      continue;
    }
    rule.sources = [parsePath([...followed][0]) as ParsedPath];
    const when = rule.rule.when;
    if (when !== undefined) rule.condition = resolveCondition(when, `${rule.at}.when`, rule.sources[0], add);
  }
}

function resolveCheck(field: Record<string, unknown>, at: string, report: Add): ResolvedCheck | undefined {
  const bounds = (key: 'range' | 'length'): { min?: unknown; max?: unknown } | undefined => {
    const value = field[key];
    if (value === undefined) return undefined;
    return isRecord(value) ? value : undefined;
  };
  const check: ResolvedCheck = {};
  const range = bounds('range');
  if (range) {
    const parse = (key: 'min' | 'max'): Decimal | undefined => {
      if (range[key] === undefined) return undefined;
      const parsed = typeof range[key] === 'number' ? parseDecimal(range[key]) : undefined;
      if (!parsed) report(`${at}.range.${key}`, '必须是有限数值');
      return parsed;
    };
    const min = parse('min');
    const max = parse('max');
    if (min && max && compareDecimals(min, max) > 0) report(`${at}.range`, 'min 不能大于 max');
    check.range = { ...(min ? { min } : {}), ...(max ? { max } : {}) };
  }
  const length = bounds('length');
  if (length) {
    const parse = (key: 'min' | 'max'): number | undefined => {
      const value = length[key];
      if (value === undefined) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        report(`${at}.length.${key}`, '必须是字符数（0 或正整数）');
        return undefined;
      }
      return value;
    };
    const min = parse('min');
    const max = parse('max');
    if (min !== undefined && max !== undefined && min > max) report(`${at}.length`, 'min 不能大于 max');
    check.length = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return check.range || check.length ? check : undefined;
}

function resolveCondition(when: unknown, at: string, source: ParsedPath | undefined, report: Add): ResolvedCondition | undefined {
  if (!isRecord(when)) return undefined;
  const parsed = parsePath(when['path']);
  if (typeof parsed === 'string') {
    report(`${at}.path`, parsed);
    return undefined;
  }
  const level = parsed.levels.length - 1;
  const sourceLevels = source?.levels ?? [[]];
  const sharesArrays =
    level <= sourceLevels.length - 1 && parsed.levels.slice(0, level).every((steps, index) => sameSteps(steps, sourceLevels[index] ?? []));
  if (!sharesArrays) {
    report(`${at}.path`, `只能遍历本规则来源所遍历的数组（"${source?.arrayPrefix ?? ''}"）`);
    return undefined;
  }
  const operators = (['equals', 'in', 'exists'] as const).filter((key) => when[key] !== undefined);
  if (operators.length !== 1) return undefined;
  const steps = parsed.levels[level] as Step[];
  const operator = operators[0];
  if (operator === 'exists') {
    const expected = when['exists'];
    if (typeof expected !== 'boolean') return undefined;
    return { path: parsed, level, steps, test: (value) => (value !== undefined && value !== null) === expected };
  }
  const values = operator === 'equals' ? [when['equals']] : when['in'];
  if (!Array.isArray(values) || values.length === 0 || !values.every(isScalar)) {
    // YAML's .nan and .inf are numbers to the schema; the values are compared as text and cannot be.
    if (Array.isArray(values) && values.some((value) => typeof value === 'number' && !Number.isFinite(value))) {
      report(`${at}.${operator}`, operator === 'in' ? '必须是非空列表，元素为字符串、数值或布尔值' : '必须是字符串、数值、布尔值或 null');
    }
    return undefined;
  }
  // YAML reads `equals: 1` as a number while the record may carry "1": compare as text.
  const accepted = new Set(values.map(scalarKey));
  return { path: parsed, level, steps, test: (value) => isScalar(value) && accepted.has(scalarKey(value)) };
}

function scalarKey(value: Scalar): string {
  return value === null
    ? 'null'
    : typeof value === 'string'
      ? `s:${value}`
      : typeof value === 'number'
        ? `s:${String(value)}`
        : `b:${String(value)}`;
}

function resolveTransform(field: Record<string, unknown>, at: string, tables: TableLookup, report: Add): Transform | undefined {
  if (field['codeTable'] !== undefined) {
    const name = field['codeTable'];
    const lookup = field['lookup'] ?? 'code-to-label';
    const unmapped = field['unmapped'] ?? 'error';
    if (typeof name !== 'string' || name === '') return undefined;
    const table = tables.get(name, `${at}.codeTable`);
    if (!table) return undefined;
    if (lookup === 'label-to-code' && !table.byLabel) {
      report(`${at}.lookup`, `代码表"${name}"中有多个代码名称相同，按名称查代码（label-to-code）有歧义`);
    }
    return { kind: 'codeTable', table, lookup: lookup as CodeLookup, unmapped: unmapped as UnmappedPolicy };
  }
  for (const key of ['lookup', 'unmapped']) {
    if (field[key] !== undefined) report(`${at}.${key}`, '只能与 codeTable 一起使用');
  }
  if (field['boolean'] !== undefined) {
    const conversion = field['boolean'];
    const bat = `${at}.boolean`;
    if (!isRecord(conversion)) return undefined;
    const word = (key: 'true' | 'false'): Scalar | undefined => {
      const value = conversion[key];
      if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) return value;
      report(`${bat}.${key}`, '必须是部门系统对应的文字或数字，例如 是、Y 或 1');
      return undefined;
    };
    const yes = word('true');
    const no = word('false');
    if (yes !== undefined && no !== undefined && String(yes) === String(no)) report(bat, 'true 和 false 的写法不能相同');
    const to = conversion['to'];
    if (yes === undefined || no === undefined || (to !== 'text' && to !== 'boolean')) return undefined;
    return { kind: 'boolean', yes, no, to };
  }
  if (field['date'] !== undefined) {
    const date = field['date'];
    if (!isRecord(date)) return undefined;
    const from = compileDateFormat(date['from']);
    const to = compileDateFormat(date['to']);
    if (typeof from === 'string') report(`${at}.date.from`, from);
    if (typeof to === 'string') report(`${at}.date.to`, to);
    const offsetMinutes = parseTimeZone(date['timeZone']);
    if (offsetMinutes === undefined && date['timeZone'] !== undefined) {
      report(
        `${at}.date.timeZone`,
        `不支持的时区"${String(date['timeZone'])}"：请使用固定时差的时区（如 Asia/Shanghai）或时差（如 +08:00）`,
      );
    }
    if (typeof from === 'string' || typeof to === 'string' || offsetMinutes === undefined) return undefined;
    return { kind: 'date', from, to, offsetMinutes, fromFormat: date['from'] as string, toFormat: date['to'] as string };
  }
  if (field['number'] !== undefined) {
    const number = field['number'];
    const nat = `${at}.number`;
    if (!isRecord(number)) return undefined;
    let factor: Decimal = { mantissa: 1n, exponent: 0 };
    const fromUnit = number['from'];
    const toUnit = number['to'];
    if (fromUnit !== undefined || toUnit !== undefined) {
      const from = typeof fromUnit === 'string' ? UNITS[fromUnit] : undefined;
      const to = typeof toUnit === 'string' ? UNITS[toUnit] : undefined;
      const known = Object.keys(UNITS).join('、');
      if (!from)
        report(`${nat}.from`, fromUnit === undefined ? '写了 to 时必须填写' : `未定义的单位"${String(fromUnit)}"（可用：${known}）`);
      if (!to) report(`${nat}.to`, toUnit === undefined ? '写了 from 时必须填写' : `未定义的单位"${String(toUnit)}"（可用：${known}）`);
      if (from && to && from.dimension !== to.dimension)
        report(
          nat,
          `无法将 ${String(fromUnit)}（${DIMENSION_NAMES[from.dimension]}）换算为 ${String(toUnit)}（${DIMENSION_NAMES[to.dimension]}）`,
        );
      if (number['multiply'] !== undefined) report(`${nat}.multiply`, '单位换算（from、to）与 multiply 只能用其一');
      if (from && to) factor = { mantissa: 1n, exponent: from.exponent - to.exponent };
    } else if (number['multiply'] !== undefined) {
      const parsed = typeof number['multiply'] === 'number' ? parseDecimal(number['multiply']) : undefined;
      if (!parsed || parsed.mantissa === 0n) report(`${nat}.multiply`, '必须是非零的有限数值');
      else factor = parsed;
    }
    const decimals = number['decimals'];
    const rounding = number['rounding'] ?? (decimals === undefined ? 'exact' : 'half-up');
    if (number['rounding'] !== undefined && decimals === undefined) report(`${nat}.rounding`, '只在写了 decimals 时有效');
    const output = number['output'] ?? 'number';
    return {
      kind: 'number',
      factor,
      decimals: decimals as number | undefined,
      rounding: rounding as RoundingMode,
      output: output as 'number' | 'string',
    };
  }
  return undefined;
}

/**
 * One target is written by one rule, except a chain of conditional rules (first match wins),
 * where every rule but the last has `when`. No target may lie inside another.
 */
function checkTargets(rules: readonly ResolvedRule[], add: Add): void {
  const groups = new Map<string, ResolvedRule[]>();
  for (const rule of rules) {
    for (const target of rule.targets) groups.set(target.text, [...(groups.get(target.text) ?? []), rule]);
  }
  for (const [target, group] of groups) {
    if (group.length < 2) continue;
    group.forEach((rule, position) => {
      const at = rule.kind === 'split' ? `${rule.at}.targets` : `${rule.at}.target`;
      const first = group[0] as ResolvedRule;
      if (rule.kind === 'split')
        add(
          at,
          `"${target}"也由 ${group
            .filter((other) => other !== rule)
            .map((other) => other.at)
            .join('、')} 写入；split 的目标不能共用`,
        );
      else if (position < group.length - 1 && !rule.condition) {
        add(
          `${rule.at}.when`,
          `"${target}"也由 ${group
            .filter((other) => other !== rule)
            .map((other) => other.at)
            .join('、')} 写入；条件链中除最后一条外，每条规则都需要 when`,
        );
      } else if (position > 0 && (rule.sources[0]?.arrayPrefix ?? '') !== (first.sources[0]?.arrayPrefix ?? '')) {
        add(at, `"${target}"的条件链必须与 ${first.at} 读取相同的来源数组`);
      }
    });
  }
  const distinct = [...groups.keys()].map((text) => ({
    text,
    path: (groups.get(text)?.[0] as ResolvedRule).targets.find((t) => t.text === text) as ParsedPath,
    rule: groups.get(text)?.[0] as ResolvedRule,
  }));
  for (let later = 1; later < distinct.length; later += 1) {
    for (let earlier = 0; earlier < later; earlier += 1) {
      const a = distinct[earlier] as (typeof distinct)[number];
      const b = distinct[later] as (typeof distinct)[number];
      if (pathsOverlap(a.path, b.path)) {
        add(b.rule.kind === 'split' ? `${b.rule.at}.targets` : `${b.rule.at}.target`, `"${b.text}"与 ${a.rule.at} 写入的"${a.text}"重叠`);
      }
    }
  }
}

function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isJsonValue(value: unknown, depth: number): value is JsonValue {
  if (depth > 32) return false;
  if (isScalar(value)) return true;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (isRecord(value)) return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}
