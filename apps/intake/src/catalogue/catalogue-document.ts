import type { Channel, HandlingType, Level } from '@onewindow/contracts';
import { compileDocumentShape, inDocumentOrder, type DocumentProblem } from '@onewindow/domain';
import { checkFormDefinition, type FormDefinition } from '@onewindow/forms';
import { CATALOGUE_SCHEMA, ITEM_KINDS, MATERIAL_FORMS } from './catalogue.schema';

export { CATALOGUE_SCHEMA, ITEM_KINDS, MATERIAL_FORMS };

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

export type ItemKind = (typeof ITEM_KINDS)[number];

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

/** A problem of a catalogue file: the JSON path of the offending value (`items[3].materials[1].when.question`) and what is wrong. */
export type CatalogueProblem = DocumentProblem;

const checkShape = compileDocumentShape(CATALOGUE_SCHEMA);

/**
 * Checks a catalogue file completely and lists every problem with its path in the order the file
 * is written (never only the first), so an administrator fixes a file in one pass. Nothing is
 * imported unless this is empty. The shape is the published schema's; the rules across entries
 * are checked here.
 */
export function validateCatalogueDocument(input: unknown): CatalogueProblem[] {
  const shape = checkShape(input);
  if (!isRecord(input)) return shape;
  return inDocumentOrder([...shape, ...crossReferenceProblems(input)], input);
}

/** The rules a schema cannot state: codes unique, references that resolve, time limits that agree, each item's form. */
function crossReferenceProblems(input: Record<string, unknown>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const departmentCodes = new Set<string>();
  records(input['departments']).forEach(([department, index]) => {
    const code = department['code'];
    if (typeof code !== 'string') return;
    if (departmentCodes.has(code)) report(`departments[${index}].code`, `部门编码 ${code} 重复`);
    departmentCodes.add(code);
  });
  const knownDepartment = (value: unknown, path: string) => {
    // A missing or non-text code is the schema's to report; only a code given can be unknown.
    if (typeof value === 'string' && !departmentCodes.has(value)) report(path, `部门编码 ${value} 未在 departments 中定义`);
  };

  const itemCodes = new Set<string>();
  records(input['items']).forEach(([item, index]) => {
    const path = `items[${index}]`;
    const code = item['code'];
    if (typeof code === 'string' && itemCodes.has(code)) report(`${path}.code`, `事项编码 ${code} 重复`);
    if (typeof code === 'string') itemCodes.add(code);
    knownDepartment(item['department'], `${path}.department`);
    const legal = workingDays(item['legalWorkingDays']);
    const committed = workingDays(item['committedWorkingDays']);
    if (legal !== undefined && committed !== undefined && committed > legal) {
      report(`${path}.committedWorkingDays`, `承诺时限（${committed}个工作日）不能超过法定时限（${legal}个工作日）`);
    }
    if (item['handlingType'] === 'immediate' && committed !== undefined && committed !== 0) {
      report(`${path}.committedWorkingDays`, '即办件的承诺时限应为0个工作日（当场办结）');
    }
    const supervising = item['supervisingDepartments'];
    if (Array.isArray(supervising)) supervising.forEach((value, i) => knownDepartment(value, `${path}.supervisingDepartments[${i}]`));
    const questions = questionsOf(item, path, report);
    const materials = materialsOf(item, path, report, questions);
    if (item['form'] !== undefined) {
      for (const problem of checkFormDefinition(item['form'], { materials, questions })) {
        report(problem.path ? `${path}.form.${problem.path}` : `${path}.form`, problem.message);
      }
    }
  });

  const bundleCodes = new Set<string>();
  records(input['bundles']).forEach(([bundle, index]) => {
    const path = `bundles[${index}]`;
    const code = bundle['code'];
    if (typeof code === 'string' && (bundleCodes.has(code) || itemCodes.has(code)))
      report(`${path}.code`, `编码 ${code} 与其他事项或一件事重复`);
    if (typeof code === 'string') bundleCodes.add(code);
    knownDepartment(bundle['leadDepartment'], `${path}.leadDepartment`);
    const codes = bundle['itemCodes'];
    if (!Array.isArray(codes) || codes.length < 2) return;
    const seen = new Set<string>();
    codes.forEach((itemCode, i) => {
      if (typeof itemCode !== 'string' || !itemCodes.has(itemCode))
        report(`${path}.itemCodes[${i}]`, `事项 ${String(itemCode)} 不在本目录中`);
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

/** The entries of a list that are objects, with their positions; anything else the schema has already reported. */
function records(value: unknown): Array<[Record<string, unknown>, number]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown, index) => (isRecord(entry) ? [[entry, index] as [Record<string, unknown>, number]] : []));
}

function workingDays(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 365 ? value : undefined;
}

/** Each 情形 question's code with its option codes; duplicates reported. */
function questionsOf(item: Record<string, unknown>, path: string, report: Report): Map<string, Set<string>> {
  const questions = new Map<string, Set<string>>();
  records(item['questions']).forEach(([question, index]) => {
    const at = `${path}.questions[${index}]`;
    const optionCodes = new Set<string>();
    records(question['options']).forEach(([option, i]) => {
      const optionCode = option['code'];
      if (typeof optionCode !== 'string') return;
      if (optionCodes.has(optionCode)) report(`${at}.options[${i}].code`, `选项 ${optionCode} 重复`);
      optionCodes.add(optionCode);
    });
    const code = question['code'];
    if (typeof code !== 'string') return;
    if (questions.has(code)) report(`${at}.code`, `情形问题 ${code} 重复`);
    questions.set(code, optionCodes);
  });
  return questions;
}

/** The item's material codes; duplicates and 适用情形 that name no question or option reported. */
function materialsOf(item: Record<string, unknown>, path: string, report: Report, questions: Map<string, Set<string>>): Set<string> {
  const codes = new Set<string>();
  records(item['materials']).forEach(([material, index]) => {
    const at = `${path}.materials[${index}]`;
    const code = material['code'];
    if (typeof code === 'string' && codes.has(code)) report(`${at}.code`, `材料编码 ${code} 重复`);
    if (typeof code === 'string') codes.add(code);
    const when = material['when'];
    if (!isRecord(when)) return;
    const options = questions.get(when['question'] as string);
    if (!options) return report(`${at}.when.question`, `情形问题 ${String(when['question'])} 未在 questions 中定义`);
    const answers = when['answers'];
    if (!Array.isArray(answers)) return;
    answers.forEach((answer, i) => {
      if (!options.has(answer as string)) report(`${at}.when.answers[${i}]`, `选项 ${String(answer)} 不是该情形问题的选项`);
    });
  });
  return codes;
}
