import { compileMapping, type CompileOptions } from './compile-mapping';
import { PRECISION_NAMES } from './internal/dates';
import { decimalToNumber, decimalToString, inverseDecimal } from './internal/decimal';
import { concretePath, isPlainObject, parsePath, pathsOverlap, readSteps, type ParsedPath, type Step } from './internal/paths';
import { resolveSpec, type ResolvedRule } from './internal/resolve-spec';
import { MappingSpecError, type CodeTable, type FieldRule, type MappingSpec } from './mapping-spec';
import type { MappingResult } from './mapping-result';

export type NotInvertibleReason =
  | 'constant'
  | 'default'
  | 'condition'
  | 'many-to-one-code-table'
  | 'unmapped-default'
  | 'lossy-rounding'
  | 'lossy-date-format'
  | 'inexact-multiplier'
  | 'empty-separator'
  | 'source-already-restored'
  | 'path-conflict';

export interface ReversedField {
  /** The forward rule, e.g. `fields[3]`. */
  field: string;
  /** The rule derived from it in the reverse spec. */
  reverseField: string;
  target: string;
  /** When the inversion holds only for some values. */
  caveat?: string;
}

export interface NotInvertibleField {
  field: string;
  target: string;
  reason: NotInvertibleReason;
  message: string;
}

export interface ReverseReport {
  reversed: ReversedField[];
  notInvertible: NotInvertibleField[];
}

export interface DerivedReverse {
  /** Holds only the invertible rules; fields the report lists as not invertible are left out. */
  spec: MappingSpec;
  report: ReverseReport;
}

/** Derives the spec mapping target records back to source records, and says what could not be inverted. */
export function deriveReverse(spec: MappingSpec, options: { codeTables?: readonly CodeTable[] } = {}): DerivedReverse {
  const result = resolveSpec(spec, options);
  if (!result.ok) throw new MappingSpecError(result.problems, typeof spec?.name === 'string' ? spec.name : undefined);
  const fields: FieldRule[] = [];
  const report: ReverseReport = { reversed: [], notInvertible: [] };
  const restored: { path: ParsedPath; by: string }[] = [];
  const writers = new Map<string, number>();
  for (const rule of result.resolved.rules) for (const path of rule.targets) writers.set(path.text, (writers.get(path.text) ?? 0) + 1);
  for (const rule of result.resolved.rules) {
    const target = rule.targets.map((path) => path.text).join(', ');
    // The last rule of a chain applies only when the others' conditions fail: it is conditional too.
    const chained = rule.targets.some((path) => (writers.get(path.text) ?? 0) > 1);
    const inverted: Inversion =
      chained && !rule.condition
        ? { reason: 'condition', message: `${target} 条件链的最后一条只在前面的条件都不满足时生效，无法反推` }
        : invert(rule);
    if ('reason' in inverted) {
      report.notInvertible.push({ field: rule.at, target, reason: inverted.reason, message: inverted.message });
      continue;
    }
    const conflict = rule.sources
      .map((source) => ({ source, other: restored.find((entry) => pathsOverlap(entry.path, source)) }))
      .find((entry) => entry.other);
    if (conflict?.other) {
      const same = conflict.other.path.text === conflict.source.text;
      report.notInvertible.push({
        field: rule.at,
        target,
        reason: same ? 'source-already-restored' : 'path-conflict',
        message: same
          ? `${conflict.source.text} 已由 ${conflict.other.by} 还原`
          : `${conflict.source.text} 与 ${conflict.other.by} 还原的 ${conflict.other.path.text} 重叠`,
      });
      continue;
    }
    for (const source of rule.sources) restored.push({ path: source, by: rule.at });
    report.reversed.push({
      field: rule.at,
      reverseField: `fields[${fields.length}]`,
      target,
      ...(inverted.caveat ? { caveat: inverted.caveat } : {}),
    });
    fields.push(inverted.rule);
  }
  const reverse: MappingSpec = {
    name: `${spec.name} (reverse)`,
    version: spec.version,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    direction: { source: spec.direction.target, target: spec.direction.source },
    ...(spec.emptyStringIsMissing !== undefined ? { emptyStringIsMissing: spec.emptyStringIsMissing } : {}),
    ...(spec.codeTables !== undefined ? { codeTables: spec.codeTables } : {}),
    fields,
  };
  return { spec: reverse, report };
}

type Inversion = { rule: FieldRule; caveat?: string } | { reason: NotInvertibleReason; message: string };

function invert(resolved: ResolvedRule): Inversion {
  const { rule } = resolved;
  if (resolved.condition) return { reason: 'condition', message: '带条件（when）的规则无法判断数据来自哪些记录' };
  const common: Pick<FieldRule, 'label' | 'required'> = {
    ...(rule.label !== undefined ? { label: rule.label } : {}),
    ...(resolved.required ? {} : { required: false }),
  };
  if (resolved.kind === 'const') return { reason: 'constant', message: '常量不携带来源数据' };
  const source = (resolved.sources[0] as ParsedPath).text;
  const target = (resolved.targets[0] as ParsedPath).text;
  switch (resolved.kind) {
    case 'concat':
      if (rule.separator === '') return { reason: 'empty-separator', message: '拼接时没有分隔符，无法区分各部分' };
      return {
        rule: { targets: resolved.sources.map((path) => path.text), split: target, separator: rule.separator as string, ...common },
        caveat: `各部分（最后一部分除外）不能包含"${String(rule.separator)}"${resolved.required ? '' : '；缺少的部分还原为""'}`,
      };
    case 'split':
      return {
        rule: { target: source, concat: resolved.targets.map((path) => path.text), separator: rule.separator as string, ...common },
        ...(resolved.required ? {} : { caveat: `部分数少于目标数的值，还原后末尾会多出"${String(rule.separator)}"` }),
      };
    case 'from':
      break;
  }
  const transform = resolved.transform;
  if (transform?.kind === 'codeTable' && transform.unmapped === 'default') {
    return { reason: 'unmapped-default', message: '未知代码都变成默认值，无法区分' };
  }
  if (resolved.hasDefault) return { reason: 'default', message: '默认值与等于它的来源值无法区分' };
  const move: FieldRule = { target: source, from: target, ...common };
  if (!transform) return { rule: move };
  switch (transform.kind) {
    case 'codeTable': {
      const { table, lookup, unmapped } = transform;
      if (lookup === 'code-to-label' && !table.byLabel) {
        const repeated = [...table.collapsed].find(([, entry]) => entry.reverse === undefined)?.[0] ?? '';
        return {
          reason: 'many-to-one-code-table',
          message: `代码表 ${table.table.name} 把多个代码对应到"${repeated}"，且没有一项标 reverse: true，无法还原代码`,
        };
      }
      const caveats = [
        ...(unmapped === 'pass-through' ? ['原样传递的未知值，只有不与已知值相同时才能还原'] : []),
        ...(lookup === 'code-to-label'
          ? [...table.collapsed].map(
              ([label, { codes, reverse }]) =>
                `${codes.filter((code) => code !== reverse).join('、')} 还原为 ${String(reverse)}（名称都是"${label}"）`,
            )
          : []),
      ];
      return {
        rule: {
          ...move,
          codeTable: rule.codeTable as string,
          lookup: lookup === 'code-to-label' ? 'label-to-code' : 'code-to-label',
          unmapped,
        },
        ...(caveats.length > 0 ? { caveat: caveats.join('；') } : {}),
      };
    }
    case 'boolean': {
      const conversion = rule.boolean as NonNullable<FieldRule['boolean']>;
      return { rule: { ...move, boolean: { ...conversion, to: conversion.to === 'text' ? 'boolean' : 'text' } } };
    }
    case 'date': {
      if (transform.to.precision < transform.from.precision) {
        return {
          reason: 'lossy-date-format',
          message: `${transform.toFormat} 只精确到${PRECISION_NAMES[transform.to.precision]}，丢失了 ${transform.fromFormat} 精确到${PRECISION_NAMES[transform.from.precision]}的信息`,
        };
      }
      const date = rule.date as NonNullable<FieldRule['date']>;
      return {
        rule: { ...move, date: { from: date.to, to: date.from, timeZone: date.timeZone } },
        ...(transform.fromFormat === 'iso8601' ? { caveat: `时间还原后带 ${date.timeZone} 的时差` } : {}),
      };
    }
    case 'number': {
      const number = rule.number as NonNullable<FieldRule['number']>;
      if (transform.decimals !== undefined && transform.rounding !== 'exact') {
        return {
          reason: 'lossy-rounding',
          message: `按 ${transform.rounding} 舍入到 ${transform.decimals} 位小数会丢失数字；如要拒绝而不舍入，请用 rounding: exact`,
        };
      }
      const inverse = inverseDecimal(transform.factor);
      const inverseNumber = inverse && decimalToNumber(inverse);
      if (!inverse || inverseNumber === undefined) {
        return { reason: 'inexact-multiplier', message: `1 / ${decimalToString(transform.factor)} 不是有限小数` };
      }
      const scaling =
        number.from !== undefined
          ? { from: number.to as string, to: number.from }
          : number.multiply !== undefined
            ? { multiply: inverseNumber }
            : {};
      return {
        rule: {
          ...move,
          number: { ...scaling, output: number.sourceType ?? 'number', sourceType: number.output ?? 'number' },
        },
      };
    }
  }
}

export interface RoundTripDifference {
  path: string;
  original: unknown;
  roundTripped: unknown;
}

export interface RoundTripReport {
  /** Both mappings succeeded and every restored source value equals the original. */
  ok: boolean;
  forward: MappingResult;
  backward: MappingResult | undefined;
  differences: RoundTripDifference[];
  notInvertible: NotInvertibleField[];
  /** Values in the sample that no rule reads: they are dropped by the forward mapping. */
  unreadSourcePaths: string[];
}

/**
 * Maps `sample` forward and back with the derived reverse spec and compares every source value
 * the reverse restores. Missing and null count as equal (the mapping writes neither), and so
 * does "" when the spec treats it as missing.
 */
export function checkRoundTrip(spec: MappingSpec, sample: unknown, options: CompileOptions = {}): RoundTripReport {
  const forward = compileMapping(spec, options).map(sample);
  const { spec: reverse, report } = deriveReverse(spec, options);
  const unreadSourcePaths = unreadPaths(spec, sample);
  if (!forward.ok)
    return { ok: false, forward, backward: undefined, differences: [], notInvertible: report.notInvertible, unreadSourcePaths };
  const backward: MappingResult =
    reverse.fields.length === 0 ? { ok: true, value: {} } : compileMapping(reverse, options).map(forward.value);
  const differences: RoundTripDifference[] = [];
  if (backward.ok) {
    const seen = new Set<string>();
    for (const field of reverse.fields) {
      for (const text of field.targets ?? [field.target as string]) {
        if (seen.has(text)) continue;
        seen.add(text);
        const path = parsePath(text) as ParsedPath;
        const original = collect(sample, path.levels);
        const roundTripped = collect(backward.value, path.levels);
        for (const concrete of new Set([...original.keys(), ...roundTripped.keys()])) {
          const before = original.get(concrete);
          const after = roundTripped.get(concrete);
          if (!sameValue(before, after, spec.emptyStringIsMissing === true))
            differences.push({ path: concrete, original: before, roundTripped: after });
        }
      }
    }
  }
  return {
    ok: backward.ok && differences.length === 0,
    forward,
    backward,
    differences,
    notInvertible: report.notInvertible,
    unreadSourcePaths,
  };
}

/** Every concrete path (with indices) the pattern reaches, with its value. */
function collect(root: unknown, levels: readonly (readonly Step[])[]): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown, level: number, indices: number[]) => {
    const value = readSteps(node, levels[level] as Step[]);
    if (level === levels.length - 1) {
      found.set(concretePath(levels, indices), value);
      return;
    }
    if (!Array.isArray(value)) {
      found.set(concretePath(levels.slice(0, level + 1), indices), value);
      return;
    }
    value.forEach((element, index) => walk(element, level + 1, [...indices, index]));
  };
  walk(root, 0, []);
  return found;
}

function sameValue(a: unknown, b: unknown, emptyIsMissing: boolean): boolean {
  const missing = (value: unknown) => value === undefined || value === null || (emptyIsMissing && value === '');
  if (missing(a) && missing(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index], emptyIsMissing));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key], emptyIsMissing));
  }
  return Object.is(a, b);
}

function unreadPaths(spec: MappingSpec, sample: unknown): string[] {
  const patterns = spec.fields
    .flatMap((field) => [field.from, field.split, ...(field.concat ?? [])])
    .filter((text): text is string => typeof text === 'string')
    .map((text) => parsePath(text))
    .filter((path): path is ParsedPath => typeof path !== 'string')
    .map((path) => new RegExp(`^${pathPattern(path)}(?:$|[.[])`));
  const unread: string[] = [];
  const walk = (value: unknown, path: string) => {
    const covered = path !== '' && patterns.some((pattern) => pattern.test(path));
    if (covered) return;
    if (Array.isArray(value) && value.length > 0) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (isPlainObject(value) && Object.keys(value).length > 0)
      for (const key of Object.keys(value)) walk(value[key], path === '' ? key : `${path}.${key}`);
    else if (path !== '' && value !== undefined && value !== null) unread.push(path);
  };
  walk(sample, '');
  return unread;
}

function pathPattern(path: ParsedPath): string {
  return path.levels
    .map((steps) =>
      steps
        .map((step, index) =>
          typeof step === 'number' ? `\\[${step}\\]` : `${index === 0 ? '' : '\\.'}${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        )
        .join(''),
    )
    .map((text, level) => (level === 0 ? text : text.startsWith('\\[') || text === '' ? text : `\\.${text}`))
    .join('\\[\\d+\\]');
}
