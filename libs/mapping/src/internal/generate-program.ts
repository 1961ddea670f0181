import { compileReader, ensureArray, isPlainObject, writeSteps, type ParsedPath, type Step } from './paths';
import type { ResolvedRule } from './resolve-spec';

/**
 * The whole spec as one generated function: reads, missing checks and writes are written out per
 * rule (no step loops, no generic closures per rule), output objects and arrays are found once per
 * record, input objects on the way to several fields are read once per record, and every rule gets
 * its own call sites, which V8 can inline. It does exactly what the closures of compile-mapping.ts
 * do, in the same order (generate-program.spec.ts compares the two on changed records), and calls
 * them for what is not the common path: transforms, error reports, the parts of a split, and
 * groups nested deeper than one array or conditions deeper than their iteration.
 *
 * Safety: no spec text is ever part of the generated source. Property names are written with
 * JSON.stringify (a valid string literal for any string), indices are validated integers, names
 * are generated counters, and every other value (constants, transforms, messages) is passed in
 * through the `values` array.
 */

export type Program<R> = (input: unknown, out: Record<string, unknown>, run: R) => void;

/** The parts of compile-mapping.ts that the generated code calls. */
export interface ProgramParts<R> {
  Failure: abstract new (...args: never[]) => object;
  cloneJson(value: unknown): unknown;
  leafReports(rule: ResolvedRule): {
    failed(run: R, indices: readonly number[], failure: never): void;
    missing(run: R, indices: readonly number[], sourceIndex: number): void;
    notText(run: R, indices: readonly number[], value: unknown, sourceIndex: number): void;
    conflict(run: R, indices: readonly number[], targetIndex: number): void;
  };
  arrayReports(rule: ResolvedRule): {
    missing(run: R, level: number, indices: readonly number[]): void;
    notArray(run: R, level: number, indices: readonly number[], value: unknown): void;
    conflict(run: R, level: number, indices: readonly number[]): void;
  };
  /** The rule's transform (`from` rules with a codeTable, date, number or boolean) followed by its check (range, length). */
  transform(rule: ResolvedRule): (value: unknown) => unknown;
  /** A concat rule's check of the joined text: a `Failure`, or undefined when it fits. */
  check(rule: ResolvedRule): (value: unknown) => unknown;
  /** A split rule's present value into its parts, or a `Failure`. */
  splitter(rule: ResolvedRule): (value: unknown) => unknown;
  group(group: readonly ResolvedRule[], emptyIsMissing: boolean): Program<R>;
  /** A `const` rule's value, copied from the spec. */
  constant(rule: ResolvedRule): unknown;
  /** A `from` rule's default, copied from the spec. */
  fallback(rule: ResolvedRule): unknown;
}

/** The object at `parent[key]`, created when absent; null when something else is there (or the parent is null). */
function childObject(parent: Record<string, unknown> | null, key: string): Record<string, unknown> | null {
  if (parent === null) return null;
  const child = parent[key];
  if (child === undefined || child === null) {
    const created: Record<string, unknown> = {};
    parent[key] = created;
    return created;
  }
  return isPlainObject(child) ? child : null;
}

const NO_INDICES: readonly number[] = Object.freeze([]);
/** Marks a cached source value not read yet in this record. */
const UNREAD = Object.freeze({});

/** Undefined when the runtime does not allow code generation (`--disallow-code-generation-from-strings`). */
export function generateProgram<R>(
  groups: readonly (readonly ResolvedRule[])[],
  emptyIsMissing: boolean,
  parts: ProgramParts<R>,
): Program<R> | undefined {
  const writer = new ProgramWriter(emptyIsMissing, parts);
  for (const group of groups) writer.group(group);
  try {
    return writer.build();
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
}

/** Where a leaf runs: its source node, the container and key of its target element, the indices expression. */
interface Place {
  depth: number;
  /** Source node of each level: `input`, then the current element of each array. */
  nodes: string[];
  /** Target container: `out` at depth 0, else the target array (with `key` the element index). */
  container: string;
  key: string | undefined;
  indices: string;
}

class ProgramWriter<R> {
  private readonly values: unknown[] = [];
  private readonly declarations: string[] = [];
  private readonly lines: string[] = [];
  /** Output objects below the root reached by names only, found once per record: path → variable. */
  private readonly objects = new Map<string, string>();
  /** Output arrays at a path of names below the root, likewise. */
  private readonly arrays = new Map<string, string>();
  /** Input values at a path of names below the root, read once per record: path → variable. */
  private readonly sources = new Map<string, string>();
  /** The values passed in for each rule and purpose, so each is passed once. */
  private readonly perRule = new Map<ResolvedRule, Map<string, string>>();
  private indent = 1;

  constructor(
    private readonly emptyIsMissing: boolean,
    private readonly parts: ProgramParts<R>,
  ) {}

  build(): Program<R> {
    const source = [
      "'use strict';",
      'const { hasOwn, isArray, isPlainObject, cloneJson, Failure, writeSteps, ensureArray, childObject, NO_INDICES, UNREAD } = helpers;',
      ...this.declarations,
      'return function mapRecord(input, out, run) {',
      ...[...this.objects.values(), ...this.arrays.values()].map((name) => `  let ${name} = undefined;`),
      ...[...this.sources.values()].map((name) => `  let ${name} = UNREAD;`),
      ...this.lines,
      '};',
    ].join('\n');
    const helpers = {
      hasOwn: Object.prototype.hasOwnProperty,
      isArray: Array.isArray,
      isPlainObject,
      cloneJson: this.parts.cloneJson,
      Failure: this.parts.Failure,
      writeSteps,
      ensureArray,
      childObject,
      NO_INDICES,
      UNREAD,
    };
    // The source holds no spec text (see above); values reach it only through `values`.
    const factory = new Function('helpers', 'values', source) as (helpers: unknown, values: unknown[]) => Program<R>;
    return factory(helpers, this.values);
  }

  group(group: readonly ResolvedRule[]): void {
    const first = group[0] as ResolvedRule;
    this.line(`// ${first.at}`);
    const rootConditionsOnly = group.every((rule) => !rule.condition || rule.condition.level === 0);
    if (rootConditionsOnly && group.every((rule) => rule.depth <= 1)) {
      // The first rule whose condition holds runs, with its own iteration.
      this.chain(group, 'input', (rule) => this.execute(rule, (place) => this.leaf(rule, place), rule.required));
      return;
    }
    if (!rootConditionsOnly && group.every((rule) => rule.depth === 1)) {
      // Conditions on array elements: choose per element, inside the first rule's iteration.
      const arraysRequired = group.some((rule) => !rule.condition && rule.required);
      this.execute(first, (place) => this.chain(group, place.nodes, (rule) => this.leaf(rule, place)), arraysRequired);
      return;
    }
    this.line(`${this.value('group', this.parts.group(group, this.emptyIsMissing))}(input, out, run);`);
  }

  /** `if (test) … else if (test) … else …`: the first rule whose condition holds (or that has none) runs. */
  private chain(group: readonly ResolvedRule[], nodes: string | readonly string[], emit: (rule: ResolvedRule) => void): void {
    let opened = false;
    for (const rule of group) {
      if (!rule.condition) {
        if (opened) this.close('} else {');
        emit(rule);
        break;
      }
      const node = typeof nodes === 'string' ? nodes : (nodes[rule.condition.level] as string);
      const test = this.value('test', conditionTest(rule.condition.steps, rule.condition.test));
      if (opened) this.close(`} else if (${test}(${node})) {`);
      else this.open(`if (${test}(${node})) {`);
      opened = true;
      emit(rule);
    }
    if (opened) this.close('}');
  }

  /** Walks the rule's `[]` level (one at most), then emits the leaf per element, like `iterate`. */
  private execute(rule: ResolvedRule, emitLeaf: (place: Place) => void, arraysRequired: boolean): void {
    if (rule.depth === 0) {
      emitLeaf({ depth: 0, nodes: ['input'], container: 'out', key: undefined, indices: 'NO_INDICES' });
      return;
    }
    const reports = this.value('arrayReports', this.parts.arrayReports(rule));
    const sourceSteps = (rule.sources[0] as ParsedPath).levels[0] as Step[];
    const targetSteps = (rule.targets[0] as ParsedPath).levels[0] as Step[];
    const leafWritesInside = rule.targets.every((target) => (target.levels[1] as Step[]).length > 0);
    this.block(() => {
      this.read('array', 'input', sourceSteps, true);
      this.open(`if (${this.missing('array')}) {`);
      if (arraysRequired) this.line(`${reports}.missing(run, 0, NO_INDICES);`);
      this.close('} else if (!isArray(array)) {');
      this.line(`${reports}.notArray(run, 0, NO_INDICES, array);`);
      this.close('} else {');
      this.line(`const targetArray = ${this.array(targetSteps)};`);
      this.open('if (targetArray === undefined || targetArray === null) {');
      this.line(`${reports}.conflict(run, 0, NO_INDICES);`);
      this.close('} else {');
      this.open('for (let i0 = 0; i0 < array.length; i0 += 1) {');
      this.line('const element = array[i0];');
      if (leafWritesInside) this.line('if (targetArray[i0] === undefined || targetArray[i0] === null) targetArray[i0] = {};');
      emitLeaf({ depth: 1, nodes: ['input', 'element'], container: 'targetArray', key: 'i0', indices: '[i0]' });
      this.close('}');
      this.close('}');
      this.close('}');
    });
  }

  /** One rule at the innermost level, like compileLeaf. */
  private leaf(rule: ResolvedRule, place: Place): void {
    const { depth, indices } = place;
    const node = place.nodes[depth] as string;
    if (rule.kind === 'const') {
      this.write(rule, 0, place, this.copy(this.parts.constant(rule)));
      return;
    }
    const reports = this.ruleValue(rule, 'reports', () => this.parts.leafReports(rule));
    if (rule.kind === 'concat') {
      this.concat(rule, place, reports);
      return;
    }
    if (rule.kind === 'split') {
      this.block(() => {
        this.read('value', node, (rule.sources[0] as ParsedPath).levels[depth] as Step[], depth === 0);
        this.open(`if (${this.missing('value')}) {`);
        if (rule.required) this.line(`${reports}.missing(run, ${indices}, 0);`);
        this.close('} else {');
        this.line(`const parts = ${this.value('split', this.parts.splitter(rule))}(value);`);
        this.open('if (parts instanceof Failure) {');
        this.line(`${reports}.failed(run, ${indices}, parts);`);
        this.close('} else {');
        rule.targets.forEach((_target, targetIndex) => {
          // A split that is not required may give fewer parts than targets.
          this.open(`if (parts.length > ${targetIndex}) {`);
          this.write(rule, targetIndex, place, `parts[${targetIndex}]`);
          this.close('}');
        });
        this.close('}');
        this.close('}');
      });
      return;
    }
    this.block(() => {
      this.read('value', node, (rule.sources[0] as ParsedPath).levels[depth] as Step[], depth === 0);
      this.open(`if (${this.missing('value')}) {`);
      if (rule.hasDefault) this.write(rule, 0, place, this.copy(this.parts.fallback(rule)));
      else if (rule.required) this.line(`${reports}.missing(run, ${indices}, 0);`);
      this.close('} else {');
      if (rule.transform || rule.check) {
        this.line(`const converted = ${this.value('transform', this.parts.transform(rule))}(value);`);
        this.open('if (converted instanceof Failure) {');
        this.line(`${reports}.failed(run, ${indices}, converted);`);
        this.close('} else {');
        this.write(rule, 0, place, 'converted');
        this.close('}');
      } else {
        this.write(rule, 0, place, "typeof value === 'object' ? cloneJson(value) : value");
      }
      this.close('}');
    });
  }

  /** Joins the parts with the separator (a missing part leaves its place empty), like the concat leaf. */
  private concat(rule: ResolvedRule, place: Place, reports: string): void {
    const node = place.nodes[place.depth] as string;
    const separator = this.value('separator', rule.rule.separator);
    this.block(() => {
      this.line("let text = '';");
      this.line('let present = 0;');
      this.line('let failed = false;');
      rule.sources.forEach((source, sourceIndex) => {
        if (sourceIndex > 0) this.line(`text += ${separator};`);
        this.block(() => {
          this.read('value', node, source.levels[place.depth] as Step[], place.depth === 0);
          this.open(`if (${this.missing('value')}) {`);
          if (rule.required) {
            this.line(`${reports}.missing(run, ${place.indices}, ${sourceIndex});`);
            this.line('failed = true;');
          }
          this.close("} else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {");
          this.line(`${reports}.notText(run, ${place.indices}, value, ${sourceIndex});`);
          this.line('failed = true;');
          this.close('} else {');
          this.line('present += 1;');
          this.line('text += String(value);');
          this.close('}');
        });
      });
      this.open('if (!failed && present > 0) {');
      if (rule.check) {
        this.line(`const checked = ${this.value('check', this.parts.check(rule))}(text);`);
        this.open('if (checked instanceof Failure) {');
        this.line(`${reports}.failed(run, ${place.indices}, checked);`);
        this.close('} else {');
        this.write(rule, 0, place, 'text');
        this.close('}');
      } else {
        this.write(rule, 0, place, 'text');
      }
      this.close('}');
    });
  }

  /** `value` read from `node` along own properties, like readSteps; `isObject` when node is known to be a non-array object. */
  private read(name: string, node: string, steps: readonly Step[], isObject: boolean): void {
    if (steps.length === 0) {
      this.line(`let ${name} = ${node};`);
      return;
    }
    if (node === 'input' && steps.length > 1 && steps.every((step) => typeof step === 'string')) {
      this.line(`let ${name} = ${this.source(steps.slice(0, -1) as string[])};`);
      this.line(`${name} = ${this.own(name, steps[steps.length - 1] as string, false)};`);
      return;
    }
    this.line(`let ${name} = ${node};`);
    steps.forEach((step, index) => {
      if (typeof step === 'number')
        this.line(`${name} = isArray(${name}) && ${literal(step)} < ${name}.length ? ${name}[${literal(step)}] : undefined;`);
      else this.line(`${name} = ${this.own(name, step, index === 0 && isObject)};`);
    });
  }

  private missing(name: string): string {
    return `${name} === undefined || ${name} === null${this.emptyIsMissing ? ` || ${name} === ''` : ''}`;
  }

  /** Writes `value` (an expression) to the rule's target, like compileWriter. */
  private write(rule: ResolvedRule, targetIndex: number, place: Place, value: string): void {
    const steps = (rule.targets[targetIndex] as ParsedPath).levels[place.depth] as Step[];
    const conflict = `${this.ruleValue(rule, 'reports', () => this.parts.leafReports(rule))}.conflict(run, ${place.indices}, ${targetIndex});`;
    const names = steps.every((step): step is string => typeof step === 'string');
    if (place.depth === 0) {
      if (names && steps.length === 1) {
        this.line(`out[${literal(steps[0] as string)}] = ${value};`);
      } else if (names) {
        this.block(() => {
          this.line(`const parent = ${this.object(steps.slice(0, -1))};`);
          this.line(`if (parent !== null) parent[${literal(steps[steps.length - 1] as string)}] = ${value};`);
          this.line(`else ${conflict}`);
        });
      } else {
        this.line(`if (!writeSteps(out, ${this.value('steps', steps)}, ${value})) ${conflict}`);
      }
      return;
    }
    const element = `${place.container}[${place.key as string}]`;
    if (steps.length === 0) {
      this.line(`${element} = ${value};`);
      return;
    }
    this.block(() => {
      this.line(`const parent = ${element};`);
      if (names && steps.length === 1) {
        this.line(`if (isPlainObject(parent)) parent[${literal(steps[0] as string)}] = ${value};`);
        this.line(`else ${conflict}`);
      } else {
        this.line(`if (!(isPlainObject(parent) && writeSteps(parent, ${this.value('steps', steps)}, ${value}))) ${conflict}`);
      }
    });
  }

  /**
   * The output object at a path of names, found (or created) on first use in a record and kept in
   * a variable: no rule can replace it, since no target may lie inside another.
   */
  private object(path: readonly string[]): string {
    if (path.length === 0) return 'out';
    const key = JSON.stringify(path);
    let name = this.objects.get(key);
    if (!name) {
      name = `object${this.objects.size}`;
      this.objects.set(key, name);
    }
    return `(${name} !== undefined ? ${name} : (${name} = childObject(${this.object(path.slice(0, -1))}, ${literal(path[path.length - 1] as string)})))`;
  }

  /** The output array at `steps`, created when absent (null or undefined when something else is there), like ensureArray. */
  private array(steps: readonly Step[]): string {
    if (!steps.every((step) => typeof step === 'string')) return `ensureArray(out, ${this.value('steps', steps)})`;
    const key = JSON.stringify(steps);
    let name = this.arrays.get(key);
    if (!name) {
      name = `array${this.arrays.size}`;
      this.arrays.set(key, name);
    }
    // No rule can replace it: no target may lie inside another.
    return `(${name} !== undefined ? ${name} : (${name} = ensureArray(out, ${this.value('steps', steps)}) ?? null))`;
  }

  /**
   * The input value at a path of names, read on first use in a record and kept: the input is
   * never changed while it is mapped, and most paths share their first steps (QYXX.…).
   */
  private source(path: readonly string[]): string {
    if (path.length === 0) return 'input';
    const key = JSON.stringify(path);
    let name = this.sources.get(key);
    if (!name) {
      name = `source${this.sources.size}`;
      this.sources.set(key, name);
    }
    return `(${name} !== UNREAD ? ${name} : (${name} = ${this.own(this.source(path.slice(0, -1)), path[path.length - 1] as string, path.length === 1)}))`;
  }

  /** An expression reading an own property, undefined when the node is not a non-array object or lacks it. */
  private own(node: string, key: string, isObject: boolean): string {
    const guard = isObject ? '' : `${node} !== null && typeof ${node} === 'object' && !isArray(${node}) && `;
    return `${guard}hasOwn.call(${node}, ${literal(key)}) ? ${node}[${literal(key)}] : undefined`;
  }

  /** An expression giving a fresh copy of a JSON value (the value itself when it is a scalar). */
  private copy(value: unknown): string {
    const name = this.value('constant', value);
    return value !== null && typeof value === 'object' ? `cloneJson(${name})` : name;
  }

  /** `value` for a rule and purpose, passed in once however often the code uses it. */
  private ruleValue(rule: ResolvedRule, purpose: string, make: () => unknown): string {
    let values = this.perRule.get(rule);
    if (!values) {
      values = new Map();
      this.perRule.set(rule, values);
    }
    let name = values.get(purpose);
    if (!name) {
      name = this.value(purpose, make());
      values.set(purpose, name);
    }
    return name;
  }

  /** A value passed in to the generated code, under a generated name saying what it is for. */
  private value(purpose: string, value: unknown): string {
    const name = `${purpose}${this.values.length}`;
    this.declarations.push(`const ${name} = values[${this.values.length}];`);
    this.values.push(value);
    return name;
  }

  private block(body: () => void): void {
    this.open('{');
    body();
    this.close('}');
  }

  private line(text: string): void {
    this.lines.push(`${'  '.repeat(this.indent)}${text}`);
  }

  private open(text: string): void {
    this.line(text);
    this.indent += 1;
  }

  /** Closes a block; `text` may open the next one (`} else {`). */
  private close(text: string): void {
    this.indent -= 1;
    this.line(text);
    if (text.endsWith('{')) this.indent += 1;
  }
}

function conditionTest(steps: readonly Step[], test: (value: unknown) => boolean): (node: unknown) => boolean {
  const read = compileReader(steps);
  return (node) => test(read(node));
}

/** A property name or index as a JavaScript literal. */
function literal(step: Step): string {
  return JSON.stringify(step);
}
