import { CHANNELS, HANDLING_TYPES, LEVELS, type Channel, type HandlingType, type Level } from '@onewindow/contracts';
import { checkFormDefinition, type FormDefinition } from '@onewindow/forms';

/**
 * The catalogue as a file (事项标准库): what an administrator imports and exports, and what the
 * demo catalogue is written in. Departments are listed once and referred to by code.
 */
export interface CatalogueDocument {
  departments: DepartmentSpec[];
  items: ServiceItemSpec[];
  bundles: BundleSpec[];
}

export interface DepartmentSpec {
  code: string;
  name: string;
}

export const ITEM_KINDS = ['行政许可', '行政确认', '行政给付', '行政裁决', '其他行政权力', '公共服务'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const MATERIAL_FORMS = ['original', 'copy', 'original-and-copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/** 办理情形: one question whose answer selects part of the material list. */
export interface SituationQuestion {
  code: string;
  text: string;
  options: Array<{ code: string; label: string }>;
}

export interface MaterialSpec {
  code: string;
  name: string;
  /** 原件 / 复印件 / 原件和复印件 / 电子材料 */
  form: MaterialForm;
  copies: number;
  /** 容缺: may follow after acceptance, by a due date. */
  mayFollowLater: boolean;
  /** 告知承诺: a written pledge may replace it. */
  pledgeAllowed: boolean;
  /** What the material must contain or look like; printed on the one-time notice. */
  requirement: string;
  /** Required only in these situations; absent means always required. */
  when?: { question: string; answers: string[] };
}

export interface FeeSpec {
  charged: boolean;
  /** In fen (分), so sums stay exact. */
  amountFen?: number;
  basis?: string;
}

export interface ServiceItemSpec {
  code: string;
  name: string;
  /** Code of the owning department. */
  department: string;
  kind: ItemKind;
  /** 即办件 immediate / 承诺件 committed / 上报件 escalated */
  handlingType: HandlingType;
  legalWorkingDays: number;
  committedWorkingDays: number;
  conditions: string[];
  legalBasis: string[];
  fee: FeeSpec;
  channels: Channel[];
  /** Levels whose windows may accept it (district / town / village). */
  levels: Level[];
  /** 委托受理: the department entrusts acceptance to the comprehensive window. */
  entrustedToWindow: boolean;
  /** Approved in the department's own system; the bridge pushes the part there. */
  handledInDepartmentSystem: boolean;
  /** Codes of the departments that supervise a holder of its licence (审管互动). */
  supervisingDepartments: string[];
  questions: SituationQuestion[];
  materials: MaterialSpec[];
  /** 申请表: the form an application for this item fills in (see `@onewindow/forms`). */
  form: FormDefinition;
}

/** 一件事 / 主题式服务: one application for a life or business event, fanned out to every item. */
export interface BundleSpec {
  code: string;
  name: string;
  description: string;
  /** 牵头部门 */
  leadDepartment: string;
  itemCodes: string[];
}

export interface CatalogueProblem {
  /** JSON path of the offending value, e.g. `items[3].materials[1].when.question`. */
  path: string;
  message: string;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
const MATERIAL_CODE = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const LIMITS = { items: 5_000, bundles: 500, departments: 500, materials: 60, questions: 10, options: 20, text: 2_000 };

/**
 * Checks a catalogue file completely and lists every problem with its path (never only the
 * first), so an administrator fixes a file in one pass. Nothing is imported unless this is empty.
 */
export function validateCatalogueDocument(input: unknown): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(input)) return [{ path: '', message: '文件内容必须是一个对象，包含 departments、items 和 bundles' }];

  const departments = arrayAt(input, 'departments', report, LIMITS.departments);
  const departmentCodes = new Set<string>();
  departments.forEach((department, index) => {
    const path = `departments[${index}]`;
    if (!isRecord(department)) return report(path, '部门必须是一个对象');
    const code = codeAt(department, 'code', path, report, CODE);
    textAt(department, 'name', path, report);
    if (code && departmentCodes.has(code)) report(`${path}.code`, `部门编码 ${code} 重复`);
    if (code) departmentCodes.add(code);
  });
  const knownDepartment = (value: unknown, path: string) => {
    if (typeof value !== 'string' || !departmentCodes.has(value)) report(path, `部门编码 ${String(value)} 未在 departments 中定义`);
  };

  const items = arrayAt(input, 'items', report, LIMITS.items);
  const itemCodes = new Set<string>();
  items.forEach((item, index) => {
    const path = `items[${index}]`;
    if (!isRecord(item)) return report(path, '事项必须是一个对象');
    const code = codeAt(item, 'code', path, report, CODE);
    if (code && itemCodes.has(code)) report(`${path}.code`, `事项编码 ${code} 重复`);
    if (code) itemCodes.add(code);
    textAt(item, 'name', path, report);
    knownDepartment(item['department'], `${path}.department`);
    oneOf(item, 'kind', ITEM_KINDS, path, report, '事项类型');
    oneOf(item, 'handlingType', HANDLING_TYPES, path, report, '办件类型');
    const legal = workingDaysAt(item, 'legalWorkingDays', path, report);
    const committed = workingDaysAt(item, 'committedWorkingDays', path, report);
    if (legal !== undefined && committed !== undefined && committed > legal) {
      report(`${path}.committedWorkingDays`, `承诺时限（${committed}个工作日）不能超过法定时限（${legal}个工作日）`);
    }
    if (item['handlingType'] === 'immediate' && committed !== undefined && committed !== 0) {
      report(`${path}.committedWorkingDays`, '即办件的承诺时限应为0个工作日（当场办结）');
    }
    textListAt(item, 'conditions', path, report);
    textListAt(item, 'legalBasis', path, report, { atLeastOne: true, what: '设定依据' });
    feeAt(item, path, report);
    subsetAt(item, 'channels', CHANNELS, path, report, '办理渠道');
    subsetAt(item, 'levels', LEVELS, path, report, '受理层级');
    booleanAt(item, 'entrustedToWindow', path, report);
    booleanAt(item, 'handledInDepartmentSystem', path, report);
    const supervising = item['supervisingDepartments'];
    if (!Array.isArray(supervising)) report(`${path}.supervisingDepartments`, '监管部门必须是部门编码列表（可以为空）');
    else supervising.forEach((value, i) => knownDepartment(value, `${path}.supervisingDepartments[${i}]`));
    const questions = questionsAt(item, path, report);
    materialsAt(item, path, report, questions);
    formAt(item, path, report, questions);
  });

  const bundles = arrayAt(input, 'bundles', report, LIMITS.bundles);
  const bundleCodes = new Set<string>();
  bundles.forEach((bundle, index) => {
    const path = `bundles[${index}]`;
    if (!isRecord(bundle)) return report(path, '一件事必须是一个对象');
    const code = codeAt(bundle, 'code', path, report, CODE);
    if (code && (bundleCodes.has(code) || itemCodes.has(code))) report(`${path}.code`, `编码 ${code} 与其他事项或一件事重复`);
    if (code) bundleCodes.add(code);
    textAt(bundle, 'name', path, report);
    textAt(bundle, 'description', path, report);
    knownDepartment(bundle['leadDepartment'], `${path}.leadDepartment`);
    const codes = bundle['itemCodes'];
    if (!Array.isArray(codes) || codes.length < 2) {
      report(`${path}.itemCodes`, '一件事至少包含两个事项');
      return;
    }
    const seen = new Set<string>();
    codes.forEach((itemCode, i) => {
      if (typeof itemCode !== 'string' || !itemCodes.has(itemCode)) report(`${path}.itemCodes[${i}]`, `事项 ${String(itemCode)} 不在本目录中`);
      else if (seen.has(itemCode)) report(`${path}.itemCodes[${i}]`, `事项 ${itemCode} 重复`);
      seen.add(String(itemCode));
    });
  });
  return problems;
}

type Report = (path: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(parent: Record<string, unknown>, key: string, report: Report, max: number, path = ''): unknown[] {
  const at = path ? `${path}.${key}` : key;
  const value = parent[key];
  if (!Array.isArray(value)) {
    report(at, '必须是一个列表');
    return [];
  }
  if (value.length > max) report(at, `最多${max}项，实际${value.length}项`);
  return value.slice(0, max);
}

function codeAt(parent: Record<string, unknown>, key: string, path: string, report: Report, pattern: RegExp): string | undefined {
  const value = parent[key];
  if (typeof value !== 'string' || !pattern.test(value)) {
    report(`${path}.${key}`, '编码只能由大写字母、数字和连字符组成');
    return undefined;
  }
  return value;
}

function textAt(parent: Record<string, unknown>, key: string, path: string, report: Report): void {
  const value = parent[key];
  if (typeof value !== 'string' || value.trim() === '') report(`${path}.${key}`, '必须填写');
  else if (value.length > LIMITS.text) report(`${path}.${key}`, `不能超过${LIMITS.text}个字`);
}

function textListAt(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  report: Report,
  options: { atLeastOne?: boolean; what?: string } = {},
): void {
  const value = parent[key];
  if (!Array.isArray(value)) return report(`${path}.${key}`, '必须是文字列表');
  if (options.atLeastOne && value.length === 0) report(`${path}.${key}`, `至少填写一条${options.what ?? ''}`);
  value.forEach((entry, i) => {
    if (typeof entry !== 'string' || entry.trim() === '') report(`${path}.${key}[${i}]`, '必须是非空文字');
  });
}

function oneOf(parent: Record<string, unknown>, key: string, allowed: readonly string[], path: string, report: Report, what: string): void {
  if (!allowed.includes(parent[key] as string)) report(`${path}.${key}`, `${what}只能是 ${allowed.join('、')} 之一`);
}

function subsetAt(parent: Record<string, unknown>, key: string, allowed: readonly string[], path: string, report: Report, what: string): void {
  const value = parent[key];
  if (!Array.isArray(value) || value.length === 0) return report(`${path}.${key}`, `至少选择一个${what}`);
  value.forEach((entry, i) => {
    if (!allowed.includes(entry as string)) report(`${path}.${key}[${i}]`, `${what}只能是 ${allowed.join('、')} 之一`);
  });
}

function booleanAt(parent: Record<string, unknown>, key: string, path: string, report: Report): void {
  if (typeof parent[key] !== 'boolean') report(`${path}.${key}`, '必须是 true 或 false');
}

function workingDaysAt(parent: Record<string, unknown>, key: string, path: string, report: Report): number | undefined {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 365) {
    report(`${path}.${key}`, '时限必须是0到365之间的整数（工作日）');
    return undefined;
  }
  return value;
}

function feeAt(item: Record<string, unknown>, path: string, report: Report): void {
  const fee = item['fee'];
  if (!isRecord(fee)) return report(`${path}.fee`, '收费信息必须填写（不收费写 charged: false）');
  if (typeof fee['charged'] !== 'boolean') return report(`${path}.fee.charged`, '必须是 true 或 false');
  if (fee['charged']) {
    const amount = fee['amountFen'];
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) {
      report(`${path}.fee.amountFen`, '收费事项必须填写金额（单位：分，正整数）');
    }
    if (typeof fee['basis'] !== 'string' || fee['basis'].trim() === '') report(`${path}.fee.basis`, '收费事项必须填写收费依据');
  }
}

function questionsAt(item: Record<string, unknown>, path: string, report: Report): Map<string, Set<string>> {
  const questions = new Map<string, Set<string>>();
  const value = item['questions'];
  if (!Array.isArray(value)) {
    report(`${path}.questions`, '办理情形必须是列表（没有情形时为空列表）');
    return questions;
  }
  if (value.length > LIMITS.questions) report(`${path}.questions`, `最多${LIMITS.questions}个情形问题`);
  value.forEach((question, index) => {
    const at = `${path}.questions[${index}]`;
    if (!isRecord(question)) return report(at, '情形问题必须是一个对象');
    const code = codeAt(question, 'code', at, report, MATERIAL_CODE);
    textAt(question, 'text', at, report);
    const options = question['options'];
    const optionCodes = new Set<string>();
    if (!Array.isArray(options) || options.length < 2 || options.length > LIMITS.options) {
      report(`${at}.options`, `每个情形问题需要2到${LIMITS.options}个选项`);
    } else {
      options.forEach((option, i) => {
        const optionPath = `${at}.options[${i}]`;
        if (!isRecord(option)) return report(optionPath, '选项必须是一个对象');
        const optionCode = codeAt(option, 'code', optionPath, report, MATERIAL_CODE);
        textAt(option, 'label', optionPath, report);
        if (optionCode && optionCodes.has(optionCode)) report(`${optionPath}.code`, `选项 ${optionCode} 重复`);
        if (optionCode) optionCodes.add(optionCode);
      });
    }
    if (code && questions.has(code)) report(`${at}.code`, `情形问题 ${code} 重复`);
    if (code) questions.set(code, optionCodes);
  });
  return questions;
}

/** The item's form, checked like the rest of the file: every problem with its path under `form`. */
function formAt(item: Record<string, unknown>, path: string, report: Report, questions: Map<string, Set<string>>): void {
  if (item['form'] === undefined) return report(`${path}.form`, '每个事项都必须有申请表（form）');
  const materials = new Set(
    (Array.isArray(item['materials']) ? item['materials'] : []).flatMap((material) => (isRecord(material) && typeof material['code'] === 'string' ? [material['code']] : [])),
  );
  for (const problem of checkFormDefinition(item['form'], { materials, questions })) {
    report(problem.path ? `${path}.form.${problem.path}` : `${path}.form`, problem.message);
  }
}

function materialsAt(item: Record<string, unknown>, path: string, report: Report, questions: Map<string, Set<string>>): void {
  const materials = arrayAt(item, 'materials', report, LIMITS.materials, path);
  if (Array.isArray(item['materials']) && materials.length === 0) report(`${path}.materials`, '至少需要一份申请材料');
  const codes = new Set<string>();
  materials.forEach((material, index) => {
    const at = `${path}.materials[${index}]`;
    if (!isRecord(material)) return report(at, '材料必须是一个对象');
    const code = codeAt(material, 'code', at, report, MATERIAL_CODE);
    if (code && codes.has(code)) report(`${at}.code`, `材料编码 ${code} 重复`);
    if (code) codes.add(code);
    textAt(material, 'name', at, report);
    textAt(material, 'requirement', at, report);
    oneOf(material, 'form', MATERIAL_FORMS, at, report, '材料形式');
    const copies = material['copies'];
    if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 0 || copies > 20) report(`${at}.copies`, '份数必须是0到20之间的整数');
    booleanAt(material, 'mayFollowLater', at, report);
    booleanAt(material, 'pledgeAllowed', at, report);
    const when = material['when'];
    if (when === undefined) return;
    if (!isRecord(when)) return report(`${at}.when`, '适用情形必须写成 { question, answers }');
    const options = questions.get(when['question'] as string);
    if (!options) return report(`${at}.when.question`, `情形问题 ${String(when['question'])} 未在 questions 中定义`);
    const answers = when['answers'];
    if (!Array.isArray(answers) || answers.length === 0) return report(`${at}.when.answers`, '至少列出一个适用的选项');
    answers.forEach((answer, i) => {
      if (!options.has(answer as string)) report(`${at}.when.answers[${i}]`, `选项 ${String(answer)} 不是该情形问题的选项`);
    });
  });
}
