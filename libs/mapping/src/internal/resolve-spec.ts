import type { CodeLookup, CodeTable, FieldRule, JsonValue, MappingSpec, RoundingMode, Scalar, SpecProblem, UnmappedPolicy } from '../mapping-spec';
import { compileDateFormat, parseTimeZone, type DateCodec } from './dates';
import { compareDecimals, parseDecimal, UNITS, type Decimal } from './decimal';
import { parsePath, pathsOverlap, type ParsedPath, type Step } from './paths';

/** Keys the validator knows; the JSON Schema test keeps `mapping-spec.schema.json` in step with them. */
export const SPEC_KEYS = ['$schema', 'name', 'version', 'description', 'direction', 'emptyStringIsMissing', 'codeTables', 'fields'] as const;
export const RULE_KEYS = [
  'target',
  'targets',
  'label',
  'required',
  'when',
  'from',
  'const',
  'concat',
  'split',
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
] as const;
export const CONDITION_KEYS = ['path', 'equals', 'in', 'exists'] as const;
export const DATE_KEYS = ['from', 'to', 'timeZone'] as const;
export const NUMBER_KEYS = ['from', 'to', 'multiply', 'decimals', 'rounding', 'output', 'sourceType'] as const;
export const BOOLEAN_KEYS = ['true', 'false', 'to'] as const;
export const RANGE_KEYS = ['min', 'max'] as const;
export const LENGTH_KEYS = ['min', 'max'] as const;
export const CODE_TABLE_KEYS = ['name', 'version', 'title', 'entries'] as const;
export const CODE_TABLE_ENTRY_KEYS = ['code', 'label', 'reverse'] as const;
export const CODE_TABLE_REFERENCE_KEYS = ['ref', 'version'] as const;
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up', 'exact'];
export const UNMAPPED_POLICIES: readonly UnmappedPolicy[] = ['error', 'default', 'pass-through'];
export const LOOKUPS: readonly CodeLookup[] = ['code-to-label', 'label-to-code'];

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

export function resolveSpec(input: unknown, options: ResolveOptions = {}): { ok: true; resolved: ResolvedSpec } | { ok: false; problems: SpecProblem[] } {
  const sink = new Sink();
  const add = sink.add;
  if (!isRecord(input)) return { ok: false, problems: [{ path: '', message: 'a mapping spec must be an object' }] };
  unknownKeys(input, SPEC_KEYS, '', add);
  requireString(input, 'name', '', add);
  requireString(input, 'version', '', add);
  if (input['description'] !== undefined && typeof input['description'] !== 'string') add('description', 'must be a string');
  if (!isRecord(input['direction'])) {
    add('direction', 'must be an object with source and target system names');
  } else {
    unknownKeys(input['direction'], ['source', 'target'], 'direction', add);
    requireString(input['direction'], 'source', 'direction', add);
    requireString(input['direction'], 'target', 'direction', add);
  }
  if (input['emptyStringIsMissing'] !== undefined && typeof input['emptyStringIsMissing'] !== 'boolean') add('emptyStringIsMissing', 'must be true or false');

  const tables = resolveCodeTables(input['codeTables'], options.codeTables ?? [], sink);

  const rules: ResolvedRule[] = [];
  const fields = input['fields'];
  if (!Array.isArray(fields) || fields.length === 0) {
    add('fields', 'must be a non-empty list of field rules');
  } else {
    fields.forEach((field, index) => {
      const rule = resolveRule(field, index, tables, sink);
      if (rule) rules.push(rule);
    });
    resolveConstantArrays(rules, add);
    checkTargets(rules, add);
  }
  if (sink.count > 0) return { ok: false, problems: sink.problems };
  return {
    ok: true,
    resolved: { spec: input as unknown as MappingSpec, rules, emptyStringIsMissing: input['emptyStringIsMissing'] === true },
  };
}

interface TableLookup {
  get(name: string, at: string): ResolvedTable | undefined;
}

function resolveCodeTables(declared: unknown, shared: readonly CodeTable[], sink: Sink): TableLookup {
  const add = sink.add;
  const sharedByName = new Map<string, CodeTable[]>();
  shared.forEach((table, index) => {
    if (checkCodeTable(table, `options.codeTables[${index}]`, sink)) {
      sharedByName.set(table.name, [...(sharedByName.get(table.name) ?? []), table]);
    }
  });
  const local = new Map<string, ResolvedTable>();
  if (declared !== undefined) {
    if (!Array.isArray(declared)) {
      add('codeTables', 'must be a list of code tables or references to shared ones');
    } else {
      declared.forEach((entry: unknown, index) => {
        const at = `codeTables[${index}]`;
        if (isRecord(entry) && 'ref' in entry) {
          unknownKeys(entry, CODE_TABLE_REFERENCE_KEYS, at, add);
          const name = entry['ref'];
          const version = entry['version'];
          if (typeof name !== 'string' || name === '') return add(`${at}.ref`, 'must be the name of a shared code table');
          if (version !== undefined && typeof version !== 'string') return add(`${at}.version`, 'must be a string (quote it in YAML)');
          const candidates = sharedByName.get(name) ?? [];
          const found = candidates.find((table) => version === undefined || table.version === version);
          if (!found) {
            return add(
              `${at}.ref`,
              candidates.length === 0
                ? `unknown shared code table "${name}"`
                : `shared code table "${name}" has no version "${String(version)}" (available: ${candidates.map((table) => table.version).join(', ')})`,
            );
          }
          if (version === undefined && candidates.length > 1) {
            return add(`${at}.version`, `shared code table "${name}" has several versions (${candidates.map((t) => t.version).join(', ')}); pin one`);
          }
          if (local.has(name)) return add(`${at}.ref`, `code table "${name}" is declared twice`);
          local.set(name, indexTable(found));
          return undefined;
        }
        if (!isRecord(entry)) return add(at, 'must be a code table (name, version, entries) or a reference (ref, version)');
        unknownKeys(entry, CODE_TABLE_KEYS, at, add);
        if (!checkCodeTable(entry, at, sink)) return undefined;
        const table = entry as unknown as CodeTable;
        if (local.has(table.name)) return add(`${at}.name`, `code table "${table.name}" is declared twice`);
        local.set(table.name, indexTable(table));
        return undefined;
      });
    }
  }
  const sharedIndexed = new Map<CodeTable, ResolvedTable>();
  return {
    get(name, at) {
      const declaredTable = local.get(name);
      if (declaredTable) return declaredTable;
      const candidates = sharedByName.get(name) ?? [];
      const [only] = candidates;
      if (!only) {
        add(at, `unknown code table "${name}"`);
        return undefined;
      }
      if (candidates.length > 1) {
        add(at, `code table "${name}" has several versions (${candidates.map((t) => t.version).join(', ')}); pin one under codeTables with ref and version`);
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

/** A list of code tables on its own (shared by several specs), each checked as a spec's inline table; names unique. */
export function checkCodeTables(tables: unknown): SpecProblem[] {
  const sink = new Sink();
  if (!Array.isArray(tables)) return [{ path: '', message: 'must be a list of code tables (name, version, entries)' }];
  const seen = new Set<string>();
  tables.forEach((table: unknown, index) => {
    const at = `[${index}]`;
    if (isRecord(table)) unknownKeys(table, CODE_TABLE_KEYS, at, sink.add);
    if (!checkCodeTable(table, at, sink)) return;
    const { name, version } = table as CodeTable;
    if (seen.has(`${name}@${version}`)) sink.add(`${at}.name`, `code table "${name}" version "${version}" is listed twice`);
    seen.add(`${name}@${version}`);
  });
  return sink.problems;
}

function checkCodeTable(table: unknown, at: string, sink: Sink): boolean {
  const before = sink.count;
  const track = sink.add;
  if (!isRecord(table)) {
    track(at, 'must be a code table');
    return false;
  }
  requireString(table, 'name', at, track);
  requireString(table, 'version', at, track);
  if (table['title'] !== undefined && typeof table['title'] !== 'string') track(`${at}.title`, 'must be a string');
  const entries = table['entries'];
  if (!Array.isArray(entries) || entries.length === 0) {
    track(`${at}.entries`, 'must be a non-empty list of { code, label }');
  } else {
    const seen = new Set<string>();
    const reverseOf = new Map<string, number>();
    entries.forEach((entry: unknown, index) => {
      const entryAt = `${at}.entries[${index}]`;
      if (!isRecord(entry)) return track(entryAt, 'must be { code, label }');
      unknownKeys(entry, CODE_TABLE_ENTRY_KEYS, entryAt, track);
      const code = entry['code'];
      if (typeof code !== 'string' || code === '') return track(`${entryAt}.code`, 'must be a non-empty string (quote codes in YAML: "01", not 01)');
      if (typeof entry['label'] !== 'string') track(`${entryAt}.label`, 'must be a string');
      if (seen.has(code)) track(`${entryAt}.code`, `code "${code}" appears twice`);
      seen.add(code);
      if (entry['reverse'] !== undefined && entry['reverse'] !== true) track(`${entryAt}.reverse`, 'must be true (on the one entry a repeated label maps back to), or left out');
      if (entry['reverse'] === true && typeof entry['label'] === 'string') {
        const earlier = reverseOf.get(entry['label']);
        if (earlier !== undefined) track(`${entryAt}.reverse`, `label "${entry['label']}" already maps back to entries[${earlier}]; mark one entry per label`);
        else reverseOf.set(entry['label'], index);
      }
      return undefined;
    });
  }
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
  if (!isRecord(field)) {
    report(at, 'must be a field rule object');
    return undefined;
  }
  const before = sink.count;
  unknownKeys(field, RULE_KEYS, at, report);
  const kinds = SOURCE_KINDS.filter((kind) => field[kind] !== undefined);
  if (kinds.length !== 1) {
    report(at, kinds.length === 0 ? 'needs one of from, const, concat or split' : `has several sources (${kinds.join(', ')}); use one`);
    return undefined;
  }
  const kind = kinds[0] as ResolvedRule['kind'];
  const allowed: Record<ResolvedRule['kind'], readonly string[]> = {
    from: ['default', 'codeTable', 'lookup', 'unmapped', 'date', 'number', 'boolean', 'range', 'length'],
    const: [],
    concat: ['separator', 'length'],
    split: ['separator', 'targets'],
  };
  for (const key of ['targets', 'separator', 'default', 'codeTable', 'lookup', 'unmapped', 'date', 'number', 'boolean', 'range', 'length']) {
    if (field[key] !== undefined && !allowed[kind].includes(key)) report(`${at}.${key}`, `is not used with ${kind}`);
  }
  const transforms = (['codeTable', 'date', 'number', 'boolean'] as const).filter((key) => field[key] !== undefined);
  if (kind === 'from' && transforms.length > 1) report(at, `combines ${transforms.join(' and ')}; use one conversion per field`);
  if (field['label'] !== undefined && typeof field['label'] !== 'string') report(`${at}.label`, 'must be a string');
  if (field['required'] !== undefined && typeof field['required'] !== 'boolean') report(`${at}.required`, 'must be true or false');
  if (field['default'] !== undefined && !isJsonValue(field['default'], 0)) report(`${at}.default`, 'must be a JSON value');

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
    if (!Array.isArray(parts) || parts.length < 2) report(`${at}.concat`, 'must list at least two source paths');
    else parts.forEach((part: unknown, partIndex) => {
      const parsed = pathAt(part, `${at}.concat[${partIndex}]`);
      if (parsed) sources.push(parsed);
    });
  } else if (!isJsonValue(field['const'], 0)) {
    report(`${at}.const`, 'must be a JSON value');
  }

  // Targets
  const targets: ParsedPath[] = [];
  if (kind === 'split') {
    if (field['target'] !== undefined) report(`${at}.target`, 'split writes targets (a list), not target');
    const list = field['targets'];
    if (!Array.isArray(list) || list.length < 2) report(`${at}.targets`, 'must list at least two target paths');
    else list.forEach((target: unknown, targetIndex) => {
      const parsed = pathAt(target, `${at}.targets[${targetIndex}]`);
      if (parsed) targets.push(parsed);
    });
  } else {
    const parsed = pathAt(field['target'], `${at}.target`);
    if (parsed) targets.push(parsed);
  }

  if (kind === 'concat' || kind === 'split') {
    const separator = field['separator'];
    if (typeof separator !== 'string') report(`${at}.separator`, 'must be a string');
    else if (kind === 'split' && separator === '') report(`${at}.separator`, 'must not be empty for split');
  }

  // A constant inside array elements follows the source array of the rules filling that target array (resolveConstantArrays).
  const constantInArray = kind === 'const' && targets.length === 1 && (targets[0] as ParsedPath).levels.length > 1;
  // Arrays: every source and target iterates the same number of arrays, sources the same ones.
  const depth = constantInArray ? (targets[0] as ParsedPath).levels.length - 1 : sources.length > 0 ? (sources[0] as ParsedPath).levels.length - 1 : 0;
  const sourcePrefix = sources[0]?.arrayPrefix ?? '';
  sources.forEach((source, sourceIndex) => {
    if (source.arrayPrefix !== sourcePrefix) {
      report(`${at}.concat[${sourceIndex}]`, `iterates "${source.arrayPrefix || '(no array)'}" but the first source iterates "${sourcePrefix || '(no array)'}"`);
    }
  });
  targets.forEach((target, targetIndex) => {
    const targetAt = kind === 'split' ? `${at}.targets[${targetIndex}]` : `${at}.target`;
    const targetDepth = target.levels.length - 1;
    if (targetDepth !== depth) {
      report(targetAt, `has ${targetDepth} "[]" but the source has ${depth}; each source array maps onto one target array`);
    } else if (targetIndex > 0 && target.arrayPrefix !== (targets[0] as ParsedPath).arrayPrefix) {
      report(targetAt, 'must iterate the same target array as the first target');
    }
  });

  // A constant in an array gets its condition once its source array is known.
  const condition = field['when'] === undefined || constantInArray ? undefined : resolveCondition(field['when'], `${at}.when`, sources[0], report);
  const transform = kind === 'from' ? resolveTransform(field, at, tables, report) : undefined;
  const check = resolveCheck(field, at, report);
  if (field['unmapped'] === 'default' && field['default'] === undefined) {
    report(`${at}.default`, 'unmapped: default needs a default value');
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
          ? `a constant in "${target.arrayPrefix}" repeats for each element other rules write there, but no rule fills "${target.arrayPrefix}" from a source array`
          : `the rules filling "${target.arrayPrefix}" read different source arrays (${[...followed].join(', ')}), so a constant there has no one array to follow`,
      );
      continue;
    }
    rule.sources = [parsePath([...followed][0]) as ParsedPath];
    const when = rule.rule.when;
    if (when !== undefined) rule.condition = resolveCondition(when, `${rule.at}.when`, rule.sources[0], add);
  }
}

function resolveCheck(field: Record<string, unknown>, at: string, report: Add): ResolvedCheck | undefined {
  const bounds = (key: 'range' | 'length', known: readonly string[]): { min?: unknown; max?: unknown } | undefined => {
    const value = field[key];
    if (value === undefined) return undefined;
    if (!isRecord(value) || (value['min'] === undefined && value['max'] === undefined)) {
      report(`${at}.${key}`, 'must be { min, max } with at least one of them');
      return undefined;
    }
    unknownKeys(value, known, `${at}.${key}`, report);
    return value;
  };
  const check: ResolvedCheck = {};
  const range = bounds('range', RANGE_KEYS);
  if (range) {
    const parse = (key: 'min' | 'max'): Decimal | undefined => {
      if (range[key] === undefined) return undefined;
      const parsed = typeof range[key] === 'number' ? parseDecimal(range[key]) : undefined;
      if (!parsed) report(`${at}.range.${key}`, 'must be a finite number');
      return parsed;
    };
    const min = parse('min');
    const max = parse('max');
    if (min && max && compareDecimals(min, max) > 0) report(`${at}.range`, 'min must not be greater than max');
    check.range = { ...(min ? { min } : {}), ...(max ? { max } : {}) };
  }
  const length = bounds('length', LENGTH_KEYS);
  if (length) {
    const parse = (key: 'min' | 'max'): number | undefined => {
      const value = length[key];
      if (value === undefined) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        report(`${at}.length.${key}`, 'must be a whole number of characters, 0 or more');
        return undefined;
      }
      return value;
    };
    const min = parse('min');
    const max = parse('max');
    if (min !== undefined && max !== undefined && min > max) report(`${at}.length`, 'min must not be greater than max');
    check.length = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return check.range || check.length ? check : undefined;
}

function resolveCondition(
  when: unknown,
  at: string,
  source: ParsedPath | undefined,
  report: Add,
): ResolvedCondition | undefined {
  if (!isRecord(when)) {
    report(at, 'must be { path, equals | in | exists }');
    return undefined;
  }
  unknownKeys(when, CONDITION_KEYS, at, report);
  const parsed = parsePath(when['path']);
  if (typeof parsed === 'string') {
    report(`${at}.path`, parsed);
    return undefined;
  }
  const level = parsed.levels.length - 1;
  const sourceLevels = source?.levels ?? [[]];
  const sharesArrays = level <= sourceLevels.length - 1 && parsed.levels.slice(0, level).every((steps, index) => sameSteps(steps, sourceLevels[index] ?? []));
  if (!sharesArrays) {
    report(`${at}.path`, `may only iterate arrays the rule's source iterates ("${source?.arrayPrefix ?? ''}")`);
    return undefined;
  }
  const operators = (['equals', 'in', 'exists'] as const).filter((key) => when[key] !== undefined);
  if (operators.length !== 1) {
    report(at, 'needs exactly one of equals, in, exists');
    return undefined;
  }
  const steps = parsed.levels[level] as Step[];
  const operator = operators[0];
  if (operator === 'exists') {
    const expected = when['exists'];
    if (typeof expected !== 'boolean') {
      report(`${at}.exists`, 'must be true or false');
      return undefined;
    }
    return { path: parsed, level, steps, test: (value) => (value !== undefined && value !== null) === expected };
  }
  const values = operator === 'equals' ? [when['equals']] : when['in'];
  if (!Array.isArray(values) || values.length === 0 || !values.every(isScalar)) {
    report(`${at}.${operator}`, operator === 'in' ? 'must be a non-empty list of strings, numbers or booleans' : 'must be a string, number, boolean or null');
    return undefined;
  }
  // YAML reads `equals: 1` as a number while the record may carry "1": compare as text.
  const accepted = new Set(values.map(scalarKey));
  return { path: parsed, level, steps, test: (value) => isScalar(value) && accepted.has(scalarKey(value)) };
}

function scalarKey(value: Scalar): string {
  return value === null ? 'null' : typeof value === 'string' ? `s:${value}` : typeof value === 'number' ? `s:${String(value)}` : `b:${String(value)}`;
}

function resolveTransform(field: Record<string, unknown>, at: string, tables: TableLookup, report: Add): Transform | undefined {
  if (field['codeTable'] !== undefined) {
    const name = field['codeTable'];
    const lookup = field['lookup'] ?? 'code-to-label';
    const unmapped = field['unmapped'] ?? 'error';
    if (!LOOKUPS.includes(lookup as CodeLookup)) report(`${at}.lookup`, `must be one of ${LOOKUPS.join(', ')}`);
    if (!UNMAPPED_POLICIES.includes(unmapped as UnmappedPolicy)) report(`${at}.unmapped`, `must be one of ${UNMAPPED_POLICIES.join(', ')}`);
    if (typeof name !== 'string' || name === '') {
      report(`${at}.codeTable`, 'must be the name of a code table');
      return undefined;
    }
    const table = tables.get(name, `${at}.codeTable`);
    if (!table) return undefined;
    if (lookup === 'label-to-code' && !table.byLabel) {
      report(`${at}.lookup`, `code table "${name}" gives several codes the same label, so label-to-code is ambiguous`);
    }
    return { kind: 'codeTable', table, lookup: lookup as CodeLookup, unmapped: unmapped as UnmappedPolicy };
  }
  for (const key of ['lookup', 'unmapped']) {
    if (field[key] !== undefined) report(`${at}.${key}`, 'is only used with codeTable');
  }
  if (field['boolean'] !== undefined) {
    const conversion = field['boolean'];
    const bat = `${at}.boolean`;
    if (!isRecord(conversion)) {
      report(bat, 'must be { true, false, to }, e.g. { true: 是, false: 否, to: text }');
      return undefined;
    }
    unknownKeys(conversion, BOOLEAN_KEYS, bat, report);
    const word = (key: 'true' | 'false'): Scalar | undefined => {
      const value = conversion[key];
      if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) return value;
      report(`${bat}.${key}`, 'must be the department\'s word or number for it, e.g. 是, Y or 1');
      return undefined;
    };
    const yes = word('true');
    const no = word('false');
    if (yes !== undefined && no !== undefined && String(yes) === String(no)) report(bat, 'true and false must be written differently');
    const to = conversion['to'];
    if (to !== 'text' && to !== 'boolean') report(`${bat}.to`, 'must be text (write the words) or boolean (read them)');
    if (yes === undefined || no === undefined || (to !== 'text' && to !== 'boolean')) return undefined;
    return { kind: 'boolean', yes, no, to };
  }
  if (field['date'] !== undefined) {
    const date = field['date'];
    if (!isRecord(date)) {
      report(`${at}.date`, 'must be { from, to, timeZone }');
      return undefined;
    }
    unknownKeys(date, DATE_KEYS, `${at}.date`, report);
    const from = compileDateFormat(date['from']);
    const to = compileDateFormat(date['to']);
    if (typeof from === 'string') report(`${at}.date.from`, from);
    if (typeof to === 'string') report(`${at}.date.to`, to);
    const offsetMinutes = parseTimeZone(date['timeZone']);
    if (offsetMinutes === undefined) {
      report(
        `${at}.date.timeZone`,
        date['timeZone'] === undefined
          ? 'is required, e.g. Asia/Shanghai or +08:00'
          : `unsupported time zone "${String(date['timeZone'])}": use a fixed-offset zone such as Asia/Shanghai, or an offset like +08:00`,
      );
    }
    if (typeof from === 'string' || typeof to === 'string' || offsetMinutes === undefined) return undefined;
    return { kind: 'date', from, to, offsetMinutes, fromFormat: date['from'] as string, toFormat: date['to'] as string };
  }
  if (field['number'] !== undefined) {
    const number = field['number'];
    const nat = `${at}.number`;
    if (!isRecord(number)) {
      report(nat, 'must be { from, to } units or { multiply }, with optional decimals, rounding, output');
      return undefined;
    }
    unknownKeys(number, NUMBER_KEYS, nat, report);
    let factor: Decimal = { mantissa: 1n, exponent: 0 };
    const fromUnit = number['from'];
    const toUnit = number['to'];
    if (fromUnit !== undefined || toUnit !== undefined) {
      const from = typeof fromUnit === 'string' ? UNITS[fromUnit] : undefined;
      const to = typeof toUnit === 'string' ? UNITS[toUnit] : undefined;
      const known = Object.keys(UNITS).join(', ');
      if (!from) report(`${nat}.from`, fromUnit === undefined ? 'is needed with to' : `unknown unit "${String(fromUnit)}" (known: ${known})`);
      if (!to) report(`${nat}.to`, toUnit === undefined ? 'is needed with from' : `unknown unit "${String(toUnit)}" (known: ${known})`);
      if (from && to && from.dimension !== to.dimension) report(nat, `cannot convert ${String(fromUnit)} (${from.dimension}) to ${String(toUnit)} (${to.dimension})`);
      if (number['multiply'] !== undefined) report(`${nat}.multiply`, 'use either units (from, to) or multiply');
      if (from && to) factor = { mantissa: 1n, exponent: from.exponent - to.exponent };
    } else if (number['multiply'] !== undefined) {
      const parsed = typeof number['multiply'] === 'number' ? parseDecimal(number['multiply']) : undefined;
      if (!parsed || parsed.mantissa === 0n) report(`${nat}.multiply`, 'must be a non-zero finite number');
      else factor = parsed;
    }
    const decimals = number['decimals'];
    if (decimals !== undefined && (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
      report(`${nat}.decimals`, 'must be a whole number from 0 to 20');
    }
    const rounding = number['rounding'] ?? (decimals === undefined ? 'exact' : 'half-up');
    if (!ROUNDING_MODES.includes(rounding as RoundingMode)) report(`${nat}.rounding`, `must be one of ${ROUNDING_MODES.join(', ')}`);
    if (number['rounding'] !== undefined && decimals === undefined) report(`${nat}.rounding`, 'only applies with decimals');
    const output = number['output'] ?? 'number';
    if (output !== 'number' && output !== 'string') report(`${nat}.output`, 'must be number or string');
    const sourceType = number['sourceType'];
    if (sourceType !== undefined && sourceType !== 'number' && sourceType !== 'string') report(`${nat}.sourceType`, 'must be number or string');
    return { kind: 'number', factor, decimals: decimals as number | undefined, rounding: rounding as RoundingMode, output: output as 'number' | 'string' };
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
      if (rule.kind === 'split') add(at, `"${target}" is also written by ${group.filter((other) => other !== rule).map((other) => other.at).join(', ')}; split targets cannot be shared`);
      else if (position < group.length - 1 && !rule.condition) {
        add(`${rule.at}.when`, `"${target}" is also written by ${group.filter((other) => other !== rule).map((other) => other.at).join(', ')}; every rule of a chain but the last needs when`);
      } else if (position > 0 && (rule.sources[0]?.arrayPrefix ?? '') !== (first.sources[0]?.arrayPrefix ?? '')) {
        add(at, `a chain for "${target}" must read the same source arrays as ${first.at}`);
      }
    });
  }
  const distinct = [...groups.keys()].map((text) => ({ text, path: (groups.get(text)?.[0] as ResolvedRule).targets.find((t) => t.text === text) as ParsedPath, rule: groups.get(text)?.[0] as ResolvedRule }));
  for (let later = 1; later < distinct.length; later += 1) {
    for (let earlier = 0; earlier < later; earlier += 1) {
      const a = distinct[earlier] as (typeof distinct)[number];
      const b = distinct[later] as (typeof distinct)[number];
      if (pathsOverlap(a.path, b.path)) {
        add(b.rule.kind === 'split' ? `${b.rule.at}.targets` : `${b.rule.at}.target`, `"${b.text}" overlaps "${a.text}" written by ${a.rule.at}`);
      }
    }
  }
}

function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}

function unknownKeys(record: Record<string, unknown>, known: readonly string[], at: string, add: Add): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) add(at ? `${at}.${key}` : key, `unknown key (expected one of ${known.filter((k) => k !== '$schema').join(', ')})`);
  }
}

function requireString(record: Record<string, unknown>, key: string, at: string, add: Add): void {
  const value = record[key];
  const path = at ? `${at}.${key}` : key;
  if (value === undefined) add(path, 'is required');
  else if (typeof value !== 'string' || value === '') add(path, typeof value === 'number' ? 'must be a string (quote it in YAML)' : 'must be a non-empty string');
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
