import { addDays } from '@onewindow/domain';
import type { MaterialSpec, SituationQuestion } from './catalogue-document';

/** What the clerk found for one material at the window. */
export const MATERIAL_FINDINGS = ['provided', 'missing', 'faulty', 'to-follow', 'pledged'] as const;
export type MaterialFinding = (typeof MATERIAL_FINDINGS)[number];

export interface MaterialCheckEntry {
  itemCode: string;
  materialCode: string;
  finding: MaterialFinding;
  /** What is wrong with a faulty material, in the clerk's words (printed on the notice). */
  problem?: string;
  /** 容缺: the date by which a material accepted as missing must arrive. */
  dueDate?: string;
}

/** The item as the check needs it: the version the application is accepted under. */
export interface ItemUnderCheck {
  code: string;
  name: string;
  questions: SituationQuestion[];
  materials: MaterialSpec[];
}

export interface FieldProblem {
  field: string;
  message: string;
  /** A specific error code; the caller's general one otherwise. */
  code?: string;
}

/** 一次性告知: one line per material the applicant must bring or fix. */
export interface NoticeLine {
  itemCode: string;
  itemName: string;
  materialCode: string;
  materialName: string;
  form: MaterialSpec['form'];
  copies: number;
  requirement: string;
  /** 未提交, or what is wrong with it. */
  problem: string;
}

export interface AcceptedMaterial {
  itemCode: string;
  materialCode: string;
  materialName: string;
}

export interface Deficiency extends AcceptedMaterial {
  dueDate: string;
}

export type MaterialsCheckResult =
  | { outcome: 'invalid'; problems: FieldProblem[] }
  | { outcome: 'notice'; lines: NoticeLine[]; received: AcceptedMaterial[] }
  | { outcome: 'accepted'; received: AcceptedMaterial[]; deficiencies: Deficiency[]; pledges: AcceptedMaterial[] };

/**
 * 办理情形: the materials one item requires for the applicant's answers. Every question must be
 * answered with one of its options; a material with a `when` applies only for those answers.
 */
export function requiredMaterials(
  item: ItemUnderCheck,
  answers: Record<string, string>,
  field: string,
): { materials: MaterialSpec[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  for (const question of item.questions) {
    const answer = answers[question.code];
    if (answer === undefined) {
      problems.push({ field: `${field}.${question.code}`, message: `请回答办理情形问题：${question.text}` });
    } else if (!question.options.some((option) => option.code === answer)) {
      const labels = question.options.map((option) => `${option.code}（${option.label}）`).join('、');
      problems.push({ field: `${field}.${question.code}`, message: `“${question.text}”的选项只能是 ${labels}` });
    }
  }
  for (const code of Object.keys(answers)) {
    if (!item.questions.some((question) => question.code === code)) {
      problems.push({ field: `${field}.${code}`, message: `事项“${item.name}”没有办理情形问题 ${code}` });
    }
  }
  const materials = item.materials.filter(
    (material) => !material.when || material.when.answers.includes(answers[material.when.question] ?? ''),
  );
  return { materials, problems };
}

/**
 * The window's materials check (材料审查) for every item of an application at once. Bad input
 * (a material that does not belong to the chosen situation, 容缺 or a pledge where the catalogue
 * does not allow it) is refused field by field; otherwise every missing or faulty material goes
 * on one notice, or the application is accepted with its deficiencies and pledges.
 * The window never refuses (窗口无权否决): a complete file is always accepted.
 */
export function checkMaterials(input: {
  items: ItemUnderCheck[];
  answers: Record<string, Record<string, string>>;
  entries: MaterialCheckEntry[];
  /** The clerk confirms that every material not listed in `entries` was provided (全部材料齐全). */
  allOtherMaterialsProvided?: boolean;
  /** The acceptance date (Asia/Shanghai); a 容缺 due date must come after it. */
  today: string;
  /**
   * Why the applicant may not rely on 容缺 or 告知承诺 (an active 失信 entry, from the window's copy
   * of the credit status); absent when they may.
   */
  creditBar?: string;
  /** 容缺: how many calendar days after `today` a missing material may be promised for, at the latest. */
  dueWithinDays: number;
}): MaterialsCheckResult {
  const latestDueDate = addDays(input.today, input.dueWithinDays);
  const problems: FieldProblem[] = [];
  const required = new Map<string, { item: ItemUnderCheck; materials: MaterialSpec[] }>();
  for (const item of input.items) {
    const result = requiredMaterials(item, input.answers[item.code] ?? {}, `situations.${item.code}`);
    problems.push(...result.problems);
    required.set(item.code, { item, materials: result.materials });
  }
  for (const code of Object.keys(input.answers)) {
    if (!required.has(code)) problems.push({ field: `situations.${code}`, message: `申请中没有事项 ${code}` });
  }

  const seen = new Set<string>();
  input.entries.forEach((entry, index) => {
    const field = `materials[${index}]`;
    const requirement = required.get(entry.itemCode);
    if (!requirement) {
      problems.push({ field: `${field}.itemCode`, message: `申请中没有事项 ${entry.itemCode}` });
      return;
    }
    const material = requirement.materials.find((m) => m.code === entry.materialCode);
    if (!material) {
      problems.push({
        field: `${field}.materialCode`,
        message: `材料 ${entry.materialCode} 不属于事项“${requirement.item.name}”所选办理情形的材料清单`,
      });
      return;
    }
    const key = `${entry.itemCode}/${entry.materialCode}`;
    if (seen.has(key)) problems.push({ field: `${field}.materialCode`, message: `材料“${material.name}”重复登记` });
    seen.add(key);
    if (entry.finding === 'to-follow') {
      if (!material.mayFollowLater) problems.push({ field: `${field}.finding`, message: `材料“${material.name}”不适用容缺受理` });
      if (!entry.dueDate) problems.push({ field: `${field}.dueDate`, message: `容缺材料“${material.name}”须填写补交期限` });
      else if (entry.dueDate <= input.today) problems.push({ field: `${field}.dueDate`, message: '补交期限必须晚于今天' });
      else if (entry.dueDate > latestDueDate) {
        problems.push({ field: `${field}.dueDate`, message: `补交期限不能晚于${latestDueDate}（受理后${input.dueWithinDays}天内）` });
      }
    }
    if (entry.finding === 'pledged' && !material.pledgeAllowed) {
      problems.push({ field: `${field}.finding`, message: `材料“${material.name}”不适用告知承诺` });
    }
    if (input.creditBar && (entry.finding === 'to-follow' || entry.finding === 'pledged')) {
      problems.push({
        field: `${field}.finding`,
        code: 'CREDIT_NO_TOLERANCE',
        message: `申请人${input.creditBar}，不适用${entry.finding === 'pledged' ? '告知承诺' : '容缺受理'}，请提交“${material.name}”，按一般程序受理`,
      });
    }
    if (entry.finding === 'faulty' && !entry.problem?.trim()) {
      problems.push({ field: `${field}.problem`, message: `请写明材料“${material.name}”存在的问题` });
    }
  });
  if (problems.length > 0) return { outcome: 'invalid', problems };

  const lines: NoticeLine[] = [];
  const received: AcceptedMaterial[] = [];
  const deficiencies: Deficiency[] = [];
  const pledges: AcceptedMaterial[] = [];
  for (const { item, materials } of required.values()) {
    for (const material of materials) {
      const entry = input.entries.find((e) => e.itemCode === item.code && e.materialCode === material.code);
      const accepted = { itemCode: item.code, materialCode: material.code, materialName: material.name };
      const finding = entry?.finding ?? (input.allOtherMaterialsProvided ? 'provided' : 'missing');
      if (finding === 'provided') received.push(accepted);
      else if (finding === 'to-follow') deficiencies.push({ ...accepted, dueDate: entry?.dueDate as string });
      else if (finding === 'pledged') pledges.push(accepted);
      else {
        lines.push({
          itemCode: item.code,
          itemName: item.name,
          materialCode: material.code,
          materialName: material.name,
          form: material.form,
          copies: material.copies,
          requirement: material.requirement,
          problem: finding === 'faulty' ? (entry?.problem ?? '').trim() : '未提交',
        });
      }
    }
  }
  if (lines.length > 0) return { outcome: 'notice', lines, received };
  return { outcome: 'accepted', received, deficiencies, pledges };
}
