import type { SettingProblem } from '../adapters/transport';

/**
 * The steps of a behaviour-simulation adapter (行为模拟): what a clerk would do in the department's
 * web system, written declaratively in the adapters file and checked at start-up. Plain TypeScript:
 * the browser runner only executes a plan built here.
 */

/** How a step finds its element: by the text of its label (exact), by CSS, by visible text, or by role and name. */
export type Target = { label: string } | { css: string } | { text: string } | { role: string; name?: string };

export const STEP_ACTIONS = [
  'goto',
  'fill',
  'select',
  'check',
  'upload',
  'click',
  'waitFor',
  'frame',
  'popup',
  'read',
  'assert',
  'repeat',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** One step as validated: its action, its place in the file (for messages) and its settings. */
export interface BrowserStep {
  action: StepAction;
  /** `adapters[0].outbound.transport.steps[3]`: where an integration engineer finds it. */
  path: string;
  /** For people: `fill 标签“单位名称” ← DWXX.DWMC`. */
  title: string;
  target?: Target;
  /** goto: a path under the base URL or a full URL. */
  url?: string;
  /** fill/select/check/upload: the mapped field (dot path) whose value is used; in `repeat`, relative to the element. */
  field?: string;
  /** fill: a constant instead of a field; check: the value the field must equal or contain for the box to be checked. */
  value?: string;
  /** fill: the login's username or password, from the credentials (never written anywhere). */
  secret?: 'username' | 'password';
  /** read: the result field written; attr: read an attribute instead of the text; table: read the rows of a table into `into[]`. */
  into?: string;
  attr?: string;
  columns?: string[];
  /** waitFor/assert: a text that must appear. */
  text?: string;
  navigation?: boolean;
  /** assert: where the page shows its own error message (its words become the failure). */
  error?: Target;
  /** frame: `main`, or the iframe element. popup: `open` (with target: what to click) or `close`. */
  frame?: 'main' | Target;
  popup?: 'open' | 'close';
  /** The final submit: a dry run stops before it unless told to submit. */
  submit: boolean;
  timeoutMs?: number;
  /** repeat: the steps run for each element of the list field. */
  steps?: BrowserStep[];
  /** fill/select/check: the step may be skipped when its field is absent. */
  optional: boolean;
}

const TARGET_KEYS = ['label', 'css', 'text', 'role'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readTarget(value: unknown, path: string, problems: SettingProblem[]): Target | undefined {
  if (!isRecord(value)) {
    problems.push({ path, message: '必须指明页面元素：{ label }、{ css }、{ text } 或 { role, name }' });
    return undefined;
  }
  const present = TARGET_KEYS.filter((key) => value[key] !== undefined);
  if (present.length !== 1) {
    problems.push({ path, message: `必须且只能用 ${TARGET_KEYS.join('、')} 其中之一指明页面元素` });
    return undefined;
  }
  const key = present[0] as (typeof TARGET_KEYS)[number];
  const text = value[key];
  if (typeof text !== 'string' || text.trim() === '') {
    problems.push({ path: `${path}.${key}`, message: '必须是非空字符串' });
    return undefined;
  }
  if (key === 'role') return typeof value['name'] === 'string' ? { role: text, name: value['name'] } : { role: text };
  return { [key]: text } as Target;
}

export function describeTarget(target: Target | undefined): string {
  if (!target) return '';
  if ('label' in target) return `标签“${target.label}”`;
  if ('css' in target) return `CSS ${target.css}`;
  if ('text' in target) return `文字“${target.text}”`;
  return `${target.role}${target.name ? `“${target.name}”` : ''}`;
}

/**
 * Validates a list of steps; every problem with its path. `fields` limits the fields a step may
 * use (in `repeat`, fields are relative to the element and not checked).
 */
export function parseSteps(value: unknown, path: string, problems: SettingProblem[], options: { inRepeat?: boolean } = {}): BrowserStep[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path, message: '必须是非空的步骤列表' });
    return [];
  }
  const steps: BrowserStep[] = [];
  value.forEach((entry: unknown, index) => {
    const spath = `${path}[${index}]`;
    if (!isRecord(entry)) {
      problems.push({ path: spath, message: `必须是步骤：${STEP_ACTIONS.join('、')} 之一` });
      return;
    }
    const actions = STEP_ACTIONS.filter((action) => entry[action] !== undefined);
    const unknown = Object.keys(entry).filter((key) => !STEP_ACTIONS.includes(key as StepAction) && !['submit', 'timeoutMs'].includes(key));
    if (unknown.length > 0)
      problems.push({
        path: `${spath}.${unknown[0]}`,
        message: `不是步骤设置项；步骤是 ${STEP_ACTIONS.join('、')} 之一（可另写 submit、timeoutMs）`,
      });
    if (actions.length !== 1) {
      problems.push({ path: spath, message: `必须且只能有 ${STEP_ACTIONS.join('、')} 其中一个动作` });
      return;
    }
    const action = actions[0] as StepAction;
    const apath = `${spath}.${action}`;
    const body = entry[action];
    const submit = entry['submit'] === true;
    if (entry['submit'] !== undefined && typeof entry['submit'] !== 'boolean')
      problems.push({ path: `${spath}.submit`, message: '必须是 true 或 false' });
    const timeout = entry['timeoutMs'];
    if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 100 || timeout > 300_000)) {
      problems.push({ path: `${spath}.timeoutMs`, message: '必须是 100 到 300000 的整数' });
    }
    const base = { action, path: spath, submit, optional: false, ...(typeof timeout === 'number' ? { timeoutMs: timeout } : {}) };
    const step = readStep(action, body, apath, base, problems, options);
    if (step) steps.push(step);
  });
  return steps;
}

function readStep(
  action: StepAction,
  body: unknown,
  apath: string,
  base: Pick<BrowserStep, 'action' | 'path' | 'submit' | 'optional' | 'timeoutMs'>,
  problems: SettingProblem[],
  options: { inRepeat?: boolean },
): BrowserStep | undefined {
  const text = (value: unknown, path: string): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ path, message: '必须是非空字符串' });
      return undefined;
    }
    return value;
  };
  switch (action) {
    case 'goto': {
      const url = text(body, apath);
      return url ? { ...base, url, title: `goto ${url}` } : undefined;
    }
    case 'fill':
    case 'select':
    case 'check':
    case 'upload': {
      if (!isRecord(body)) {
        problems.push({ path: apath, message: `必须是 { label|css|text|role, field${action === 'fill' ? ' | value | secret' : ''} }` });
        return undefined;
      }
      const { field, value, secret, optional, ...rest } = body;
      const target = readTarget(rest, apath, problems);
      const sources = [field, value, secret].filter((s) => s !== undefined).length;
      if (sources !== 1 && !(action === 'check' && field !== undefined)) {
        problems.push({ path: apath, message: action === 'fill' ? '必须且只能有 field、value、secret 其中之一' : '必须写明所用的字段' });
      }
      if (field !== undefined && (typeof field !== 'string' || !/^[\w$.[\]\u4e00-\u9fff-]+$/.test(field)))
        problems.push({ path: `${apath}.field`, message: '必须是映射后记录的字段路径，例如 DWXX.DWMC' });
      if (secret !== undefined && (action !== 'fill' || (secret !== 'username' && secret !== 'password')))
        problems.push({ path: `${apath}.secret`, message: '必须是 username 或 password（只用于 fill）' });
      if (value !== undefined && typeof value !== 'string') problems.push({ path: `${apath}.value`, message: '必须是字符串' });
      if (!target) return undefined;
      const source = secret ? `凭据 ${String(secret)}` : typeof field === 'string' ? String(field) : `“${String(value)}”`;
      return {
        ...base,
        optional: optional === true,
        target,
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof value === 'string' ? { value } : {}),
        ...(secret === 'username' || secret === 'password' ? { secret } : {}),
        title: `${action} ${describeTarget(target)} ← ${source}`,
      };
    }
    case 'click': {
      const target = readTarget(body, apath, problems);
      return target ? { ...base, target, title: `click ${describeTarget(target)}` } : undefined;
    }
    case 'waitFor': {
      if (!isRecord(body)) {
        problems.push({ path: apath, message: '必须是 { text }、{ navigation: true } 或页面元素' });
        return undefined;
      }
      if (typeof body['text'] === 'string' && Object.keys(body).length === 1)
        return { ...base, text: body['text'], title: `waitFor 文字“${body['text']}”` };
      if (body['navigation'] === true && Object.keys(body).length === 1) return { ...base, navigation: true, title: 'waitFor navigation' };
      const target = readTarget(body, apath, problems);
      return target ? { ...base, target, title: `waitFor ${describeTarget(target)}` } : undefined;
    }
    case 'frame': {
      if (body === 'main') return { ...base, frame: 'main', title: 'frame main' };
      const target = readTarget(body, apath, problems);
      return target ? { ...base, frame: target, title: `frame ${describeTarget(target)}` } : undefined;
    }
    case 'popup': {
      if (body === 'close') return { ...base, popup: 'close', title: 'popup close' };
      if (!isRecord(body) || body['open'] === undefined) {
        problems.push({ path: apath, message: '必须是 close，或 { open: <点击后打开它的页面元素> }' });
        return undefined;
      }
      const target = readTarget(body['open'], `${apath}.open`, problems);
      return target ? { ...base, popup: 'open', target, title: `popup open ${describeTarget(target)}` } : undefined;
    }
    case 'read': {
      if (!isRecord(body)) {
        problems.push({ path: apath, message: '必须是 { label|css|text|role, into, attr? } 或 { css, into, columns }' });
        return undefined;
      }
      const { into, attr, columns, ...rest } = body;
      const target = readTarget(rest, apath, problems);
      const name = text(into, `${apath}.into`);
      if (attr !== undefined && typeof attr !== 'string') problems.push({ path: `${apath}.attr`, message: '必须是属性名' });
      if (columns !== undefined && (!Array.isArray(columns) || columns.length === 0 || columns.some((c) => typeof c !== 'string'))) {
        problems.push({ path: `${apath}.columns`, message: '必须按顺序写出表格每一列对应的结果字段' });
      }
      if (!target || !name) return undefined;
      return {
        ...base,
        target,
        into: name,
        ...(typeof attr === 'string' ? { attr } : {}),
        ...(Array.isArray(columns) ? { columns: columns as string[] } : {}),
        title: `read ${describeTarget(target)} → ${name}`,
      };
    }
    case 'assert': {
      if (!isRecord(body) || typeof body['text'] !== 'string') {
        problems.push({ path: apath, message: '必须是 { text, error?: <页面显示自身错误的元素> }' });
        return undefined;
      }
      const error = body['error'] === undefined ? undefined : readTarget(body['error'], `${apath}.error`, problems);
      return { ...base, text: body['text'], ...(error ? { error } : {}), title: `assert 文字“${body['text']}”` };
    }
    case 'repeat': {
      if (options.inRepeat) {
        problems.push({ path: apath, message: '不能嵌套在另一个 repeat 中' });
        return undefined;
      }
      if (!isRecord(body)) {
        problems.push({ path: apath, message: '必须是 { field: <映射后记录中的列表>, steps: [...] }' });
        return undefined;
      }
      const field = text(body['field'], `${apath}.field`);
      const steps = parseSteps(body['steps'], `${apath}.steps`, problems, { inRepeat: true });
      return field ? { ...base, field, steps, title: `repeat 每个 ${field}` } : undefined;
    }
  }
}

/** Reads a dot path (`DWXX.DWMC`, `RYXX[0].XM`) of a mapped record. */
export function fieldValue(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** One step ready to run: the value it types, resolved from the record (never a secret's value: that is looked up when typed). */
export interface PlannedStep {
  step: BrowserStep;
  /** `steps[5]`, or `steps[7] repeat[1].steps[0]`. */
  label: string;
  value?: string | string[] | boolean;
  /** The field of the mapped record it uses, with the element's index inside a repeat (`RYXX[1].XM`). */
  field?: string;
  /** fill/select/check of an optional field with no value: skipped. */
  skip: boolean;
}

export class StepPlanError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly stepPath: string,
  ) {
    super(message);
    this.name = 'StepPlanError';
  }
}

/**
 * The steps for one record, with each value taken from the mapped record and `repeat` unrolled
 * over its list. A required field without a value is an error naming the step and field, before
 * any browser is opened.
 */
export function planSteps(steps: readonly BrowserStep[], record: Record<string, unknown>): PlannedStep[] {
  const plan: PlannedStep[] = [];
  const add = (step: BrowserStep, scope: unknown, prefix: string, label: string) => {
    if (step.action === 'repeat') {
      const list = fieldValue(scope, step.field as string);
      if (!Array.isArray(list))
        throw new StepPlanError(`第 ${label} 步 ${step.title}：字段 ${step.field} 不是列表`, step.field as string, step.path);
      list.forEach((element, index) =>
        (step.steps ?? []).forEach((inner, i) =>
          add(inner, element, `${prefix}${step.field}[${index}].`, `${label}.${index + 1}.${i + 1}`),
        ),
      );
      return;
    }
    const field = step.field ? `${prefix}${step.field}` : undefined;
    if (
      !['fill', 'select', 'check', 'upload'].includes(step.action) ||
      step.secret ||
      (step.value !== undefined && step.action !== 'check')
    ) {
      plan.push({ step, label, ...(step.value !== undefined ? { value: step.value } : {}), skip: false });
      return;
    }
    const raw = fieldValue(scope, step.field as string);
    if (step.action === 'check') {
      const checked =
        step.value === undefined
          ? raw === true || raw === 'true' || raw === '1'
          : Array.isArray(raw)
            ? raw.map(String).includes(step.value)
            : String(raw) === step.value;
      plan.push({ step, label, value: checked, ...(field ? { field } : {}), skip: false });
      return;
    }
    if (raw === undefined || raw === null || raw === '') {
      if (step.optional) {
        plan.push({ step, label, ...(field ? { field } : {}), skip: true });
        return;
      }
      throw new StepPlanError(`第 ${label} 步 ${step.title}：映射后的记录没有字段 ${field} 的值`, field as string, step.path);
    }
    plan.push({ step, label, value: Array.isArray(raw) ? raw.map(String) : String(raw), ...(field ? { field } : {}), skip: false });
  };
  steps.forEach((step, index) => add(step, record, '', String(index + 1)));
  return plan;
}
