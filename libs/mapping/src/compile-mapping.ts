import {
  compareDecimals,
  decimalToNumber,
  decimalToString,
  multiply,
  parseDecimal,
  roundDecimal,
  scaleIntegerExactly,
} from './internal/decimal';
import { directDateConversion } from './internal/dates';
import { generateProgram, type Program, type ProgramParts } from './internal/generate-program';
import { compileReader, concretePath, ensureArray, isPlainObject, writeSteps, type ParsedPath, type Step } from './internal/paths';
import { resolveSpec, type ResolvedCheck, type ResolvedRule, type ResolvedSpec, type Transform } from './internal/resolve-spec';
import { checkInputQuickly } from './internal/limits';
import { MappingSpecError, type CodeTable, type JsonValue, type MappingSpec } from './mapping-spec';
import { DEFAULT_LIMITS, type MappingError, type MappingErrorCode, type MappingLimits, type MappingResult } from './mapping-result';

export interface CompileOptions {
  /** Shared code tables (e.g. `SHARED_CODE_TABLES`) that field rules may name. */
  codeTables?: readonly CodeTable[];
  limits?: Partial<MappingLimits>;
}

/** A spec turned into plain functions once; `map` does no spec interpretation per record. */
export interface CompiledMapping {
  readonly spec: MappingSpec;
  readonly limits: Readonly<MappingLimits>;
  map(input: unknown): MappingResult;
}

/** Validates the spec (throwing `MappingSpecError` with every problem and its path) and compiles it. */
export function compileMapping(spec: MappingSpec, options: CompileOptions = {}): CompiledMapping {
  const result = resolveSpec(spec, options);
  if (!result.ok) throw new MappingSpecError(result.problems, typeof spec?.name === 'string' ? spec.name : undefined);
  return compileResolved(result.resolved, options.limits);
}

/** `generate: false` keeps to the closures (the tests compare both). */
export function compileResolved(
  resolved: ResolvedSpec,
  limitOverrides: Partial<MappingLimits> = {},
  { generate = true } = {},
): CompiledMapping {
  const limits: MappingLimits = { ...DEFAULT_LIMITS, ...withoutUndefined(limitOverrides) };
  const emptyIsMissing = resolved.emptyStringIsMissing;
  const groups = groupRules(resolved.rules);
  // One generated function for the whole spec when the runtime allows code generation; the same closures otherwise.
  const program = (generate ? generateProgram(groups, emptyIsMissing, PROGRAM_PARTS) : undefined) ?? closureProgram(groups, emptyIsMissing);
  const spec = resolved.spec;
  return {
    spec,
    limits,
    map(input) {
      const tooLarge = checkInputQuickly(input, limits);
      if (tooLarge) return { ok: false, errors: [tooLarge] };
      const run = new Run(limits.maxErrors);
      const out: Record<string, unknown> = {};
      try {
        program(input, out, run);
      } catch (error) {
        // The limits make this unreachable for JSON input; exotic objects (throwing getters) still must not crash the bridge.
        run.fail({
          path: {},
          rule: spec.name,
          code: 'internal_error',
          message: `映射时发生内部错误：${(error as Error)?.message ?? String(error)}`,
        });
      }
      if (run.errors.length > 0) return { ok: false, errors: run.finish() };
      return { ok: true, value: out };
    },
  };
}

function closureProgram(groups: readonly ResolvedRule[][], emptyIsMissing: boolean): Program<Run> {
  const executors = groups.map((group) => compileGroup(group, emptyIsMissing));
  return (input, out, run) => {
    for (const execute of executors) execute(input, out, run);
  };
}

class Run {
  readonly errors: MappingError[] = [];
  private dropped = 0;

  constructor(private readonly maxErrors: number) {}

  fail(error: MappingError): void {
    if (this.errors.length < this.maxErrors) this.errors.push(error);
    else this.dropped += 1;
  }

  finish(): MappingError[] {
    if (this.dropped > 0) {
      this.errors.push({ path: {}, rule: 'limits.maxErrors', code: 'too_many_errors', message: `错误过多，另有 ${this.dropped} 条未列出` });
    }
    return this.errors;
  }
}

type Execute = (root: unknown, out: Record<string, unknown>, run: Run) => void;
/** Writes one rule's value(s) for the current element: `container[key]` is the innermost target element (or the output root). */
type Leaf = (ctx: unknown[], container: Record<string, unknown> | unknown[], key: number | undefined, indices: number[], run: Run) => void;

/** Rules writing the same target form a chain (first matching `when` wins); the chain runs where its first rule stands. */
function groupRules(rules: readonly ResolvedRule[]): ResolvedRule[][] {
  const groups: ResolvedRule[][] = [];
  const byTarget = new Map<string, ResolvedRule[]>();
  for (const rule of rules) {
    const key = rule.kind === 'split' ? undefined : rule.targets[0]?.text;
    const existing = key === undefined ? undefined : byTarget.get(key);
    if (existing) {
      existing.push(rule);
    } else {
      const group = [rule];
      groups.push(group);
      if (key !== undefined) byTarget.set(key, group);
    }
  }
  return groups;
}

function compileGroup(group: readonly ResolvedRule[], emptyIsMissing: boolean): Execute {
  const first = group[0] as ResolvedRule;
  const members = group.map((rule) => ({ rule, leaf: compileLeaf(rule, emptyIsMissing) }));
  const rootConditionsOnly = group.every((rule) => !rule.condition || rule.condition.level === 0);
  if (rootConditionsOnly) {
    const chosen = members.map(({ rule, leaf }) => ({
      test: rule.condition ? conditionAtRoot(rule.condition.steps, rule.condition.test) : undefined,
      execute: iterate(rule, leaf, rule.required, emptyIsMissing),
    }));
    if (chosen.length === 1 && !chosen[0]?.test) return (chosen[0] as (typeof chosen)[number]).execute;
    return (root, out, run) => {
      for (const { test, execute } of chosen) {
        if (!test || test(root)) {
          execute(root, out, run);
          return;
        }
      }
    };
  }
  // Conditions read array elements: choose per element, inside one iteration.
  const tests = members.map(({ rule }) => {
    if (!rule.condition) return undefined;
    const { level, test } = rule.condition;
    const read = compileReader(rule.condition.steps);
    return (ctx: unknown[]) => test(read(ctx[level]));
  });
  const chainLeaf: Leaf = (ctx, container, key, indices, run) => {
    for (let index = 0; index < members.length; index += 1) {
      const test = tests[index];
      if (!test || test(ctx)) {
        (members[index] as (typeof members)[number]).leaf(ctx, container, key, indices, run);
        return;
      }
    }
  };
  const arraysRequired = group.some((rule) => !rule.condition && rule.required);
  return iterate(first, chainLeaf, arraysRequired, emptyIsMissing);
}

function conditionAtRoot(steps: readonly Step[], test: (value: unknown) => boolean): (root: unknown) => boolean {
  const read = compileReader(steps);
  return (root) => test(read(root));
}

/** Walks the `[]` levels shared by the rule's sources and targets, then runs the leaf per element. */
function iterate(rule: ResolvedRule, leaf: Leaf, arraysRequired: boolean, emptyIsMissing: boolean): Execute {
  const depth = rule.depth;
  if (depth === 0) return (root, out, run) => leaf([root], out, undefined, [], run);
  const sourceLevels = (rule.sources[0] as ParsedPath).levels;
  const targetLevels = (rule.targets[0] as ParsedPath).levels;
  const readArray = sourceLevels.slice(0, depth).map((steps) => compileReader(steps));
  const targetArraySteps = targetLevels.slice(0, depth);
  // An element whose fields are written gets an object even when every field is skipped, so indices stay aligned.
  const leafWritesInside = rule.targets.every((target) => (target.levels[depth] as Step[]).length > 0);
  const reports = arrayReports(rule);
  const descend = (level: number, node: unknown, target: Record<string, unknown>, ctx: unknown[], indices: number[], run: Run): void => {
    const array = (readArray[level] as (node: unknown) => unknown)(node);
    if (array === undefined || array === null || (emptyIsMissing && array === '')) {
      if (arraysRequired) reports.missing(run, level, indices);
      return;
    }
    if (!Array.isArray(array)) {
      reports.notArray(run, level, indices, array);
      return;
    }
    const targetArray = ensureArray(target, targetArraySteps[level] as Step[]);
    if (!targetArray) {
      reports.conflict(run, level, indices);
      return;
    }
    const last = level === depth - 1;
    for (let index = 0; index < array.length; index += 1) {
      ctx[level + 1] = array[index];
      indices[level] = index;
      if (last) {
        if (leafWritesInside && (targetArray[index] === undefined || targetArray[index] === null)) targetArray[index] = {};
        leaf(ctx, targetArray, index, indices, run);
        continue;
      }
      let element = targetArray[index];
      if (element === undefined || element === null) {
        element = {};
        targetArray[index] = element;
      } else if (!isPlainObject(element)) {
        reports.conflict(run, level, indices);
        continue;
      }
      descend(level + 1, array[index], element as Record<string, unknown>, ctx, indices, run);
    }
  };
  return (root, out, run) => descend(0, root, out, [root], [], run);
}

/** Errors of the array levels a rule iterates; `level` is the failing one, `indices` those above it. */
function arrayReports(rule: ResolvedRule) {
  const sourceLevels = (rule.sources[0] as ParsedPath).levels;
  const targetLevels = (rule.targets[0] as ParsedPath).levels;
  const fail = (run: Run, level: number, indices: readonly number[], code: MappingErrorCode, message: string) =>
    run.fail({
      path: {
        source: concretePath(sourceLevels.slice(0, level + 1), indices),
        target: concretePath(targetLevels.slice(0, level + 1), indices),
      },
      rule: `${rule.at}.${rule.kind}`,
      code,
      message,
    });
  return {
    missing: (run: Run, level: number, indices: readonly number[]) =>
      fail(run, level, indices, 'missing_required', `缺少必填的列表${rule.label ? `“${rule.label}”` : ''}`),
    notArray: (run: Run, level: number, indices: readonly number[], value: unknown) =>
      fail(run, level, indices, 'not_an_array', `${rule.label ?? ''}应为列表，实际为${typeName(value)}`),
    conflict: (run: Run, level: number, indices: readonly number[]) =>
      fail(run, level, indices, 'target_conflict', '目标位置已有其他类型的值'),
  };
}

/** Errors of one rule at the innermost level: `indices` are those of every `[]` iterated. */
function leafReports(rule: ResolvedRule) {
  const subject = rule.label ?? '';
  const fail = (run: Run, indices: readonly number[], code: MappingErrorCode, message: string, sourceIndex = 0, part?: string) => {
    const source = rule.sources[sourceIndex];
    run.fail({
      path: {
        ...(source ? { source: concretePath(source.levels, indices) } : {}),
        target: rule.targets.map((target) => concretePath(target.levels, indices)).join(', '),
      },
      rule: `${rule.at}.${part ?? rule.kind}`,
      code,
      message,
    });
  };
  const part = rule.kind === 'from' ? (rule.transform?.kind ?? 'from') : rule.kind;
  return {
    /** A `Failure` returned by the rule's transform, check (or split). */
    failed: (run: Run, indices: readonly number[], failure: Failure) =>
      fail(run, indices, failure.code, failure.message, 0, failure.part ?? part),
    notText: (run: Run, indices: readonly number[], value: unknown, sourceIndex: number) =>
      fail(run, indices, 'invalid_type', `${subject}的组成部分应为文本，实际为${typeName(value)}`, sourceIndex),
    missing: (run: Run, indices: readonly number[], sourceIndex = 0) =>
      fail(
        run,
        indices,
        'missing_required',
        `缺少必填字段${subject ? `“${subject}”` : ''}（${concretePath((rule.sources[sourceIndex] as ParsedPath).levels, indices)}）`,
        sourceIndex,
      ),
    conflict: (run: Run, indices: readonly number[], targetIndex = 0) =>
      fail(
        run,
        indices,
        'target_conflict',
        `目标字段 ${concretePath((rule.targets[targetIndex] as ParsedPath).levels, indices)} 的上级已有其他类型的值`,
      ),
  };
}

/** Writes relative to the innermost element (`container[key]`), or the output root when key is undefined. */
function compileWriter(
  steps: readonly Step[],
): (container: Record<string, unknown> | unknown[], key: number | undefined, value: unknown) => boolean {
  if (steps.length === 0) {
    return (container, key, value) => {
      (container as unknown[])[key as number] = value;
      return true;
    };
  }
  if (steps.length === 1 && typeof steps[0] === 'string') {
    const name = steps[0];
    return (container, key, value) => {
      const node = key === undefined ? container : (container as unknown[])[key];
      if (!isPlainObject(node)) return false;
      node[name] = value;
      return true;
    };
  }
  return (container, key, value) => {
    const node = key === undefined ? container : (container as unknown[])[key];
    return isPlainObject(node) && writeSteps(node, steps, value);
  };
}

class Failure {
  constructor(
    readonly code: MappingErrorCode,
    readonly message: string,
    /** The part of the rule at fault when it is not the transform, e.g. `range`. */
    readonly part?: string,
  ) {}
}

function compileLeaf(rule: ResolvedRule, emptyIsMissing: boolean): Leaf {
  const depth = rule.depth;
  const isMissing = emptyIsMissing
    ? (value: unknown) => value === undefined || value === null || value === ''
    : (value: unknown) => value === undefined || value === null;
  const writers = rule.targets.map((target) => compileWriter(target.levels[depth] as Step[]));
  const readers = rule.sources.map((source) => compileReader(source.levels[depth] as Step[]));
  const subject = rule.label ?? '';
  const { failed, missing, notText, conflict } = leafReports(rule);
  const write = (
    container: Record<string, unknown> | unknown[],
    key: number | undefined,
    indices: number[],
    run: Run,
    value: unknown,
    targetIndex = 0,
  ) => {
    if (!(writers[targetIndex] as ReturnType<typeof compileWriter>)(container, key, value)) conflict(run, indices, targetIndex);
  };

  switch (rule.kind) {
    case 'const': {
      // Copied at compile time too, so that changing the spec object afterwards changes nothing.
      const value = cloneJson(rule.rule.const as JsonValue);
      return (_ctx, container, key, indices, run) => write(container, key, indices, run, cloneJson(value));
    }
    case 'from': {
      const read = readers[0] as (node: unknown) => unknown;
      const convert = compileConversion(rule);
      const hasDefault = rule.hasDefault;
      const fallback = cloneJson(rule.rule.default);
      const required = rule.required;
      return (ctx, container, key, indices, run) => {
        const value = read(ctx[depth]);
        if (isMissing(value)) {
          if (hasDefault) write(container, key, indices, run, cloneJson(fallback));
          else if (required) missing(run, indices);
          return;
        }
        const converted = convert(value);
        if (converted instanceof Failure) failed(run, indices, converted);
        else write(container, key, indices, run, converted);
      };
    }
    case 'concat': {
      const separator = rule.rule.separator as string;
      const required = rule.required;
      const check = compileCheck(rule.check, subject);
      return (ctx, container, key, indices, run) => {
        const node = ctx[depth];
        let text = '';
        let present = 0;
        let broken = false;
        for (let index = 0; index < readers.length; index += 1) {
          const value = (readers[index] as (node: unknown) => unknown)(node);
          if (index > 0) text += separator;
          if (isMissing(value)) {
            if (required) {
              missing(run, indices, index);
              broken = true;
            }
          } else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            notText(run, indices, value, index);
            broken = true;
          } else {
            present += 1;
            text += String(value);
          }
        }
        if (broken || present === 0) return;
        const checked = check(text);
        if (checked instanceof Failure) failed(run, indices, checked);
        else write(container, key, indices, run, text);
      };
    }
    case 'split': {
      const read = readers[0] as (node: unknown) => unknown;
      const split = splitter(rule);
      const required = rule.required;
      return (ctx, container, key, indices, run) => {
        const value = read(ctx[depth]);
        if (isMissing(value)) {
          if (required) missing(run, indices);
          return;
        }
        const parts = split(value);
        if (parts instanceof Failure) failed(run, indices, parts);
        else parts.forEach((part, index) => write(container, key, indices, run, part, index));
      };
    }
  }
}

/** A split rule's present value into its parts (the last takes the rest), or why it cannot be split. */
function splitter(rule: ResolvedRule): (value: unknown) => string[] | Failure {
  const separator = rule.rule.separator as string;
  const count = rule.targets.length;
  const required = rule.required;
  const subject = rule.label ?? '';
  return (value) => {
    if (typeof value !== 'string') return new Failure('invalid_type', `${subject}应为文本，实际为${typeName(value)}`);
    const parts = value.split(separator);
    if (parts.length > count) parts.splice(count - 1, parts.length, parts.slice(count - 1).join(separator));
    if (parts.length < count && required) {
      return new Failure('split_parts', `${subject}“${value}”按分隔符“${separator}”拆分后只有 ${parts.length} 段，需要 ${count} 段`);
    }
    return parts;
  };
}

/** A `from` rule's transform followed by its check: the value to write, or a `Failure`. */
function compileConversion(rule: ResolvedRule): (value: unknown) => unknown {
  const subject = rule.label ?? '';
  const convert = compileTransform(rule.transform, subject, cloneJson(rule.rule.default));
  if (!rule.check) return convert;
  const check = compileCheck(rule.check, subject);
  return (value) => {
    const converted = convert(value);
    if (converted instanceof Failure) return converted;
    const checked = check(converted);
    return checked instanceof Failure ? checked : converted;
  };
}

/** Checks the value a rule writes against its range and length: a `Failure`, or undefined when it fits. */
function compileCheck(check: ResolvedCheck | undefined, subject: string): (value: unknown) => Failure | undefined {
  if (!check) return () => undefined;
  const { range, length } = check;
  return (value) => {
    if (range) {
      const parsed = parseDecimal(value);
      if (!parsed) return new Failure('invalid_number', `${subject}"${display(value)}"不是有效的数字`, 'range');
      if (range.min && compareDecimals(parsed, range.min) < 0) {
        return new Failure('out_of_range', `${subject}${display(value)} 小于允许的最小值 ${decimalToString(range.min)}`, 'range');
      }
      if (range.max && compareDecimals(parsed, range.max) > 0) {
        return new Failure('out_of_range', `${subject}${display(value)} 大于允许的最大值 ${decimalToString(range.max)}`, 'range');
      }
    }
    if (length) {
      if (typeof value !== 'string' && typeof value !== 'number')
        return new Failure('invalid_type', `${subject}应为文本，实际为${typeName(value)}`, 'length');
      // Characters as a reader counts them: one per code point, so 𠮷 is one, not two UTF-16 units.
      let count = 0;
      for (const _ of String(value)) count += 1;
      if (length.max !== undefined && count > length.max) {
        return new Failure('too_long', `${subject}长度为 ${count} 个字符，超过了 ${length.max} 个字符的上限`, 'length');
      }
      if (length.min !== undefined && count < length.min) {
        return new Failure('too_short', `${subject}长度为 ${count} 个字符，少于 ${length.min} 个字符的下限`, 'length');
      }
    }
    return undefined;
  };
}

function compileTransform(transform: Transform | undefined, subject: string, fallback: unknown): (value: unknown) => unknown {
  if (!transform) return cloneJson;
  switch (transform.kind) {
    case 'boolean': {
      const { yes, no, to } = transform;
      const yesText = String(yes);
      const noText = String(no);
      const expected = `“${yesText}”或“${noText}”`;
      if (to === 'text') {
        return (value) => {
          if (value === true) return yes;
          if (value === false) return no;
          return new Failure('invalid_boolean', `${subject}应为是或否（布尔值），实际为${typeName(value)}“${display(value)}”`);
        };
      }
      return (value) => {
        if (typeof value === 'boolean') return value;
        const text =
          typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
        if (text === yesText) return true;
        if (text === noText) return false;
        return new Failure('invalid_boolean', `${subject}"${display(value)}"应为${expected}`);
      };
    }
    case 'codeTable': {
      const { table, lookup, unmapped } = transform;
      const map = lookup === 'code-to-label' ? table.byCode : (table.byLabel as ReadonlyMap<string, string>);
      const name = table.table.name;
      return (value) => {
        const key = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
        if (key === undefined) return new Failure('invalid_type', `${subject}代码应为文本，实际为${typeName(value)}`);
        const mapped = map.get(key);
        if (mapped !== undefined) return mapped;
        if (unmapped === 'pass-through') return value;
        if (unmapped === 'default') return cloneJson(fallback);
        return new Failure(
          'code_unmapped',
          lookup === 'code-to-label'
            ? `${subject.endsWith('代码') ? subject : `${subject}代码`}"${key}"不在代码表 ${name} 中`
            : `${subject}"${key}"在代码表 ${name} 中没有对应的代码`,
        );
      };
    }
    case 'date': {
      const { from, to, offsetMinutes, fromFormat, toFormat } = transform;
      // Pattern to pattern (or iso8601) in one zone: the wall-clock fields carry over, no instant needed.
      const direct = directDateConversion(from, to, offsetMinutes);
      return (value) => {
        if (direct !== undefined && typeof value === 'string') {
          const text = direct(value);
          return text === undefined
            ? new Failure('invalid_date', `${subject}"${display(value)}"不是格式为 ${fromFormat} 的有效日期`)
            : text;
        }
        const epoch = from.parse(value, offsetMinutes);
        if (epoch === undefined) return new Failure('invalid_date', `${subject}"${display(value)}"不是格式为 ${fromFormat} 的有效日期`);
        const formatted = to.format(epoch, offsetMinutes);
        return formatted === undefined ? new Failure('invalid_date', `${subject}"${display(value)}"无法表示为 ${toFormat}`) : formatted;
      };
    }
    case 'number': {
      const { factor, decimals, rounding, output } = transform;
      const scale = factor.mantissa !== 1n || factor.exponent !== 0;
      // Integer sources scaled by a power of ten need no rounding when the decimals allow every digit of the result.
      const fastExponent =
        factor.mantissa === 1n && output === 'number' && (decimals === undefined || decimals >= -factor.exponent)
          ? factor.exponent
          : undefined;
      return (value) => {
        if (fastExponent !== undefined && typeof value === 'number') {
          const fast = scaleIntegerExactly(value, fastExponent);
          if (fast !== undefined) return fast;
        }
        const parsed = parseDecimal(value);
        if (!parsed) return new Failure('invalid_number', `${subject}"${display(value)}"不是有效的数字`);
        const scaled = scale ? multiply(parsed, factor) : parsed;
        const rounded = decimals === undefined ? scaled : roundDecimal(scaled, decimals, rounding);
        if (!rounded) return new Failure('precision_loss', `${subject}${display(value)} 换算后保留 ${decimals} 位小数会丢失精度`);
        if (output === 'string') return decimalToString(rounded, decimals ?? 0);
        const number = decimalToNumber(rounded);
        return number === undefined
          ? new Failure('precision_loss', `${subject}${display(value)} 超出了 JSON 数字能精确表示的范围，请改用 output: string`)
          : number;
      };
    }
  }
}

function cloneJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = cloneJson(value[key]);
  return copy;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return '列表';
  if (value === null) return '空值';
  switch (typeof value) {
    case 'string':
      return '文本';
    case 'number':
      return '数字';
    case 'boolean':
      return '布尔值';
    case 'object':
      return '对象';
    default:
      return typeof value;
  }
}

function display(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** What the generated program calls: the same reports, transforms and fallbacks as the closures. */
const PROGRAM_PARTS: ProgramParts<Run> = {
  Failure,
  cloneJson,
  leafReports,
  arrayReports,
  transform: compileConversion,
  check: (rule) => compileCheck(rule.check, rule.label ?? ''),
  splitter,
  group: compileGroup,
  constant: (rule) => cloneJson(rule.rule.const as JsonValue),
  fallback: (rule) => cloneJson(rule.rule.default),
};
