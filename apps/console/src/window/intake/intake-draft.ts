import type { FilledField } from '@onewindow/forms';
import type { FileApplicationDto, MaterialCheck, MaterialRequirement, ServiceItem } from '@/api/intake';

/**
 * The window's intake as the clerk fills it: the items (or a bundle), the 办理情形 answers, the
 * applicant, and what was found for each material. Plain functions the page and the tests share.
 */
export type Finding = MaterialCheck['finding'];

export interface MaterialFinding {
  finding: Finding;
  /** What is wrong (有误), printed on the one-time notice. */
  problem: string;
  /** 容缺: the date the material must arrive by. */
  dueDate: string;
}

export interface MaterialRow {
  key: string;
  itemCode: string;
  itemName: string;
  material: MaterialRequirement;
}

export type Answers = Record<string, Record<string, string>>;

/** 办理情形: the materials an item requires for the answers given so far (a `when` applies only for its answers). */
export function materialsFor(item: ServiceItem, answers: Record<string, string>): MaterialRequirement[] {
  return item.materials.filter((material) => !material.when || material.when.answers.includes(answers[material.when.question] ?? ''));
}

export function materialKey(itemCode: string, materialCode: string): string {
  return `${itemCode}/${materialCode}`;
}

/** The materials checklist of the whole application, item by item, in the order the clerk sees them. */
export function materialRows(items: ServiceItem[], answers: Answers): MaterialRow[] {
  return items.flatMap((item) =>
    materialsFor(item, answers[item.code] ?? {}).map((material) => ({
      key: materialKey(item.code, material.code),
      itemCode: item.code,
      itemName: item.name,
      material,
    })),
  );
}

/** The questions still unanswered: the materials list is complete only once every one is answered. */
export function unansweredQuestions(items: ServiceItem[], answers: Answers): Array<{ itemCode: string; question: string }> {
  return items.flatMap((item) =>
    item.questions.filter((q) => !answers[item.code]?.[q.code]).map((q) => ({ itemCode: item.code, question: q.code })),
  );
}

/** The findings a material allows: 容缺 and 告知承诺 only where the catalogue says so. */
export function findingsAllowed(material: MaterialRequirement): Finding[] {
  return [
    'provided',
    'missing',
    'faulty',
    ...(material.mayFollowLater ? (['to-follow'] as const) : []),
    ...(material.pledgeAllowed ? (['pledged'] as const) : []),
  ];
}

export function defaultFinding(): MaterialFinding {
  return { finding: 'provided', problem: '', dueDate: '' };
}

/** Something is missing or faulty: the outcome will be the one-time notice (一次性告知), not acceptance. */
export function needsNotice(rows: MaterialRow[], findings: Record<string, MaterialFinding>): boolean {
  return rows.some((row) => {
    const finding = findings[row.key]?.finding ?? 'provided';
    return finding === 'missing' || finding === 'faulty';
  });
}

/** Every row, in order: the server's `materials[i]` problems point back at row i. */
export function materialChecks(rows: MaterialRow[], findings: Record<string, MaterialFinding>): MaterialCheck[] {
  return rows.map((row) => {
    const found = findings[row.key] ?? defaultFinding();
    return {
      itemCode: row.itemCode,
      materialCode: row.material.code,
      finding: found.finding,
      ...(found.finding === 'faulty' ? { problem: found.problem.trim() } : {}),
      ...(found.finding === 'to-follow' ? { dueDate: found.dueDate } : {}),
    };
  });
}

/** Only the answers for the application's items, and only answered questions. */
export function situationsOf(items: ServiceItem[], answers: Answers): Record<string, Record<string, string>> {
  const situations: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const given = Object.fromEntries(
      Object.entries(answers[item.code] ?? {}).filter(([question, option]) => option && item.questions.some((q) => q.code === question)),
    );
    if (Object.keys(given).length > 0) situations[item.code] = given;
  }
  return situations;
}

export interface ApplicantInput {
  kind: 'person' | 'organisation';
  name: string;
  identifier: string;
  phone: string;
}

export interface AgentInput {
  kind: 'helper' | 'village-agent' | 'proxy';
  name: string;
  identifier: string;
}

export function filingBody(input: {
  target: { bundleCode: string } | { itemCodes: string[] };
  level: FileApplicationDto['level'];
  items: ServiceItem[];
  answers: Answers;
  applicant: ApplicantInput;
  contactPhone: string;
  agent: AgentInput | null;
  rows: MaterialRow[];
  findings: Record<string, MaterialFinding>;
  form?: Record<string, unknown>;
  /** 数据自动调取: the form's answers filled from the shared data sources, as filled. */
  formSources?: FilledField[];
}): FileApplicationDto {
  const applicant = {
    kind: input.applicant.kind,
    name: input.applicant.name.trim(),
    identifier: input.applicant.identifier.trim().toUpperCase(),
    ...(input.applicant.phone.trim() ? { phone: input.applicant.phone.trim() } : {}),
  };
  return {
    ...input.target,
    channel: 'window',
    level: input.level,
    applicant,
    ...(input.agent
      ? { agent: { ...input.agent, name: input.agent.name.trim(), identifier: input.agent.identifier.trim().toUpperCase() } }
      : {}),
    ...(input.contactPhone.trim() ? { contactPhone: input.contactPhone.trim() } : {}),
    situations: situationsOf(input.items, input.answers),
    materials: materialChecks(input.rows, input.findings),
    visitedInPerson: true,
    ...(input.form ? { form: input.form } : {}),
    ...(input.formSources && input.formSources.length > 0
      ? {
          formSources: input.formSources.map(({ path, source, sourceName, fetchedAt, value, prefillId }) => ({
            path,
            source,
            sourceName,
            fetchedAt,
            // Any JSON value as filled; the document declares it an object.
            value: value as Record<string, unknown>,
            ...(prefillId ? { prefillId } : {}),
          })),
        }
      : {}),
  };
}

/**
 * Whose identifier it is, when the characters say so: 17 digits and a check digit or X is a
 * resident ID (自然人); letters elsewhere make a unified social credit code (法人).
 */
export function guessPartyKind(identifier: string): 'person' | 'organisation' | null {
  const value = identifier.trim().toUpperCase();
  if (value.length !== 18) return null;
  if (/^\d{17}[\dX]$/.test(value)) return 'person';
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return 'organisation';
  return null;
}
