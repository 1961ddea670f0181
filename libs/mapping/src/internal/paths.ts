/** A step inside one array level: an own property, or a fixed array index (`contacts[0]`). */
export type Step = string | number;

/**
 * A parsed path. `levels` are the steps separated by `[]` (every element): `a.b[].c[].d` is
 * `[['a','b'],['c'],['d']]`, so `levels.length - 1` arrays are iterated.
 */
export interface ParsedPath {
  text: string;
  levels: Step[][];
  /** Canonical text up to and including the last `[]`; '' when no array is iterated. */
  arrayPrefix: string;
}

// Writing these would reach Object.prototype; reading them would find inherited members.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const SEGMENT = /^[^.[\]\s]+$/;

export function parsePath(text: unknown): ParsedPath | string {
  if (typeof text !== 'string' || text.length === 0) return '必须是非空的路径字符串';
  const levels: Step[][] = [[]];
  let current = levels[0] as Step[];
  let canonical = '';
  let prefix = '';
  let position = 0;
  let expectKey = true;
  while (position < text.length) {
    if (expectKey) {
      let end = position;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end += 1;
      const key = text.slice(position, end);
      if (!SEGMENT.test(key)) return `路径"${text}"不合规：第 ${position} 位的路径段为空或格式错误`;
      if (FORBIDDEN_KEYS.has(key)) return `路径"${text}"不合规：不能用"${key}"作键`;
      current.push(key);
      canonical += canonical === '' ? key : `.${key}`;
      position = end;
      expectKey = false;
      continue;
    }
    const char = text[position];
    if (char === '.') {
      position += 1;
      expectKey = true;
      if (position === text.length) return `路径"${text}"不合规：不能以"."结尾`;
      continue;
    }
    // char is '['
    const close = text.indexOf(']', position);
    if (close < 0) return `路径"${text}"不合规："["没有闭合`;
    const inside = text.slice(position + 1, close);
    if (inside === '') {
      canonical += '[]';
      prefix = canonical;
      current = [];
      levels.push(current);
    } else if (/^(0|[1-9]\d{0,8})$/.test(inside)) {
      current.push(Number(inside));
      canonical += `[${inside}]`;
    } else {
      return `路径"${text}"不合规："[${inside}]"必须是"[]"或"[0]"这样的下标`;
    }
    position = close + 1;
    if (position < text.length && text[position] !== '.' && text[position] !== '[') {
      return `路径"${text}"不合规："]"后面应是"."或"["`;
    }
  }
  if (levels.some((level, index) => index < levels.length - 1 && level.length === 0)) {
    return `路径"${text}"不合规："[]"必须跟在键后面`;
  }
  return { text: canonical, levels, arrayPrefix: prefix };
}

/** `levels` of a path turned back into text, with the iterated indices filled in. */
export function concretePath(levels: readonly (readonly Step[])[], indices: readonly number[]): string {
  let text = '';
  levels.forEach((steps, level) => {
    for (const step of steps) {
      if (typeof step === 'number') text += `[${step}]`;
      else text += text === '' ? step : `.${step}`;
    }
    if (level < levels.length - 1) text += `[${indices[level] ?? ''}]`;
  });
  return text;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads own properties only, so a source path never finds inherited members such as `toString`. */
export function readSteps(node: unknown, steps: readonly Step[]): unknown {
  let value = node;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(value) || step >= value.length) return undefined;
      value = value[step];
    } else {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !hasOwn.call(value, step)) return undefined;
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}

/** A compiled reader: the common short paths avoid the loop. */
export function compileReader(steps: readonly Step[]): (node: unknown) => unknown {
  if (steps.length === 1 && typeof steps[0] === 'string') {
    const key = steps[0];
    return (node) =>
      node !== null && typeof node === 'object' && !Array.isArray(node) && hasOwn.call(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  if (steps.length === 2 && typeof steps[0] === 'string' && typeof steps[1] === 'string') {
    const first = steps[0];
    const second = steps[1];
    return (node) => {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !hasOwn.call(node, first)) return undefined;
      const inner = (node as Record<string, unknown>)[first];
      return inner !== null && typeof inner === 'object' && !Array.isArray(inner) && hasOwn.call(inner, second)
        ? (inner as Record<string, unknown>)[second]
        : undefined;
    };
  }
  if (steps.length === 0) return (node) => node;
  return (node) => readSteps(node, steps);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks to the container of the last step, creating objects (or arrays before an index) on the
 * way. Returns false when something that is not a container is in the way.
 */
export function writeSteps(root: Record<string, unknown>, steps: readonly Step[], value: unknown): boolean {
  let node: unknown = root;
  for (let index = 0; index < steps.length - 1; index += 1) {
    const step = steps[index] as Step;
    const next = steps[index + 1] as Step;
    const container = node as Record<string | number, unknown>;
    let child = container[step];
    if (child === undefined || child === null) {
      child = typeof next === 'number' ? [] : {};
      container[step] = child;
    } else if (typeof next === 'number' ? !Array.isArray(child) : !isPlainObject(child)) {
      return false;
    }
    node = child;
  }
  const last = steps[steps.length - 1] as Step;
  if (typeof last === 'number' ? !Array.isArray(node) : !isPlainObject(node)) return false;
  (node as Record<string | number, unknown>)[last] = value;
  return true;
}

/**
 * The container a level iterates into: an array at `steps` below `node`, created when absent.
 * Returns undefined when something that is not an array is already there.
 */
export function ensureArray(node: Record<string, unknown>, steps: readonly Step[]): unknown[] | undefined {
  const existing = readSteps(node, steps);
  if (Array.isArray(existing)) return existing;
  if (existing !== undefined && existing !== null) return undefined;
  const created: unknown[] = [];
  return writeSteps(node, steps, created) ? created : undefined;
}

/** Two target paths collide when one is the other or lies inside it. */
export function pathsOverlap(a: ParsedPath, b: ParsedPath): boolean {
  const flat = (path: ParsedPath) => path.levels.flatMap((steps, level) => (level === 0 ? steps : ['[*]', ...steps]).map(String));
  const left = flat(a);
  const right = flat(b);
  const shorter = Math.min(left.length, right.length);
  for (let index = 0; index < shorter; index += 1) {
    if (left[index] !== right[index]) return false;
  }
  return true;
}
