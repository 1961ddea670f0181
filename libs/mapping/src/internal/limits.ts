import type { MappingError, MappingLimits } from '../mapping-result';

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number | undefined;
}

// Recursion is bounded by maxDepth; above this the iterative walk alone is used.
const QUICK_DEPTH_LIMIT = 256;

/**
 * `checkInput`, faster for the usual input that is within the limits: a recursive pass bounded
 * by `maxDepth` (so a cyclic or deep input still ends, without a stack overflow) that only says
 * whether every limit holds, with no frames, key lists or paths. It visits at least the nodes
 * `checkInput` visits (`for…in` also sees inherited enumerable keys, which can only add to the
 * counts), so when it passes `checkInput` would find nothing; otherwise, or if it throws (an
 * exotic input), `checkInput` runs and gives the error, with its path, exactly as before.
 */
export function checkInputQuickly(input: unknown, limits: MappingLimits): MappingError | undefined {
  if (
    input !== null &&
    typeof input === 'object' &&
    !Array.isArray(input) &&
    limits.maxDepth <= QUICK_DEPTH_LIMIT &&
    quickCheck(input, limits)
  ) {
    return undefined;
  }
  return checkInput(input, limits);
}

function quickCheck(input: object, limits: MappingLimits): boolean {
  try {
    return new QuickCheck(limits).fits(input, 1);
  } catch {
    return false;
  }
}

class QuickCheck {
  private nodes = 1;

  constructor(private readonly limits: MappingLimits) {}

  fits(value: object, depth: number): boolean {
    const limits = this.limits;
    if (depth > limits.maxDepth || this.nodes > limits.maxNodes) return false;
    if (Array.isArray(value)) {
      const length = value.length;
      if (length > limits.maxArrayLength) return false;
      this.nodes += length;
      if (this.nodes > limits.maxNodes) return false;
      for (let index = 0; index < length; index += 1) {
        if (!this.childFits(value[index], depth)) return false;
      }
      return true;
    }
    for (const key in value) {
      this.nodes += 1;
      if (this.nodes > limits.maxNodes || !this.childFits((value as Record<string, unknown>)[key], depth)) return false;
    }
    return true;
  }

  private childFits(child: unknown, depth: number): boolean {
    if (typeof child === 'string') return child.length <= this.limits.maxStringLength;
    if (child === null || typeof child !== 'object' || child instanceof Date) return true;
    return this.fits(child, depth + 1);
  }
}

/**
 * Checks the whole input against the limits before any rule runs, iteratively so that a deep or
 * cyclic input yields an error instead of a stack overflow.
 */
export function checkInput(input: unknown, limits: MappingLimits): MappingError | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { path: {}, rule: 'input', code: 'invalid_input', message: '输入应为 JSON 对象' };
  }
  const stack: Frame[] = [{ value: input, depth: 1, parent: undefined, key: undefined }];
  let nodes = 1;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth > limits.maxDepth) {
      return {
        path: { source: pathOf(frame) },
        rule: 'limits.maxDepth',
        code: 'depth_exceeded',
        message: `输入的嵌套层级超过上限 ${limits.maxDepth}`,
      };
    }
    const isArray = Array.isArray(frame.value);
    const keys: (string | number)[] | undefined = isArray ? undefined : Object.keys(frame.value);
    const length = isArray ? (frame.value as unknown[]).length : (keys as string[]).length;
    if (isArray && length > limits.maxArrayLength) {
      return {
        path: { source: pathOf(frame) },
        rule: 'limits.maxArrayLength',
        code: 'array_too_long',
        message: `列表长度 ${length} 超过上限 ${limits.maxArrayLength}`,
      };
    }
    nodes += length;
    if (nodes > limits.maxNodes) {
      return {
        path: { source: pathOf(frame) },
        rule: 'limits.maxNodes',
        code: 'input_too_large',
        message: `输入数据过大，超过 ${limits.maxNodes} 个节点`,
      };
    }
    for (let index = 0; index < length; index += 1) {
      const key = isArray ? index : ((keys as string[])[index] as string);
      const child: unknown = (frame.value as Record<string | number, unknown>)[key];
      if (typeof child === 'string') {
        if (child.length > limits.maxStringLength) {
          return {
            path: { source: pathOf({ value: {}, depth: 0, parent: frame, key }) },
            rule: 'limits.maxStringLength',
            code: 'string_too_long',
            message: `文本长度 ${child.length} 超过上限 ${limits.maxStringLength}`,
          };
        }
      } else if (child !== null && typeof child === 'object' && !(child instanceof Date)) {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return undefined;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let current: Frame | undefined = frame; current && current.key !== undefined; current = current.parent) keys.push(current.key);
  return keys
    .reverse()
    .reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`), '');
}
