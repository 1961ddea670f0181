import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { DecisionProblem } from './case-decision';

/** A refusal tells the applicant why, in sentences: a few words ("不符合") are no reason. */
export const REFUSAL_REASON_MIN_LENGTH = 10;
/** The shortest citation there is: 《民法典》第一条. */
export const LEGAL_BASIS_MIN_LENGTH = 8;

/**
 * A citation of a law or regulation: its name in 《》 and an article, 第…条 in Chinese or Arabic
 * numerals (《中华人民共和国行政许可法》第三十八条, 《城镇排水与污水处理条例》第21条第二款).
 */
const CITATION = /《[^《》]{2,}》[^《》]{0,10}?第[一二三四五六七八九十百千零〇两\d]+条/;

const EXAMPLE = '如《中华人民共和国行政许可法》第三十八条';

/**
 * 不予许可: the law requires the reasons and the legal basis (行政许可法 art. 38). The basis cites a
 * law or regulation by name and article, or is one of the bases configured for the item (a
 * normative document that has no articles). Checked the same for an approver and a department system.
 */
export function refusalProblems(refusal: { reason: string; legalBasis: string }, acceptedBases: readonly string[]): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const reason = refusal.reason?.trim() ?? '';
  const basis = refusal.legalBasis?.trim() ?? '';
  if (!reason) {
    problems.push({ path: 'reason', code: 'REFUSAL_REASON_REQUIRED', message: '不予许可必须说明理由' });
  } else if ([...reason].length < REFUSAL_REASON_MIN_LENGTH) {
    problems.push({
      path: 'reason',
      code: 'REFUSAL_REASON_TOO_SHORT',
      message: `不予许可的理由至少${REFUSAL_REASON_MIN_LENGTH}个字，请写明不符合的条件和查明的事实`,
    });
  }
  if (!basis) {
    problems.push({ path: 'legalBasis', code: 'REFUSAL_LEGAL_BASIS_REQUIRED', message: `不予许可必须载明法律依据，${EXAMPLE}` });
  } else if (acceptedBases.some((accepted) => basis.includes(accepted))) {
    return problems;
  } else if ([...basis].length < LEGAL_BASIS_MIN_LENGTH) {
    problems.push({
      path: 'legalBasis',
      code: 'REFUSAL_LEGAL_BASIS_TOO_SHORT',
      message: `法律依据至少${LEGAL_BASIS_MIN_LENGTH}个字，须写明法律法规的名称和条款，${EXAMPLE}`,
    });
  } else if (!CITATION.test(basis)) {
    problems.push({
      path: 'legalBasis',
      code: 'REFUSAL_LEGAL_BASIS_NOT_CITED',
      message: `法律依据须写明法律法规的名称（用《》）和条款，${EXAMPLE}`,
    });
  }
  return problems;
}

/** Refusal bases an item accepts besides citations: item code → bases; `*` applies to every item. */
export const REFUSAL_LEGAL_BASES = Symbol('REFUSAL_LEGAL_BASES');
export type RefusalLegalBases = Readonly<Record<string, readonly string[]>>;

export function acceptedBasesFor(bases: RefusalLegalBases, itemCode: string): readonly string[] {
  return [...(bases['*'] ?? []), ...(bases[itemCode] ?? [])];
}

/**
 * Reads `REFUSAL_LEGAL_BASES_FILE` (YAML or JSON: `{ "<item code>": ["《…》", …], "*": [...] }`).
 * Every problem is returned with its path, so the service refuses to start with all of them.
 */
export function readRefusalLegalBases(file: string | undefined): { bases: RefusalLegalBases; problems: string[] } {
  if (!file) return { bases: {}, problems: [] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    return { bases: {}, problems: [`cannot be read as YAML or JSON: ${(error as Error).message}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { bases: {}, problems: ['must map item codes (or *) to lists of legal bases'] };
  }
  const problems: string[] = [];
  const bases: Record<string, string[]> = {};
  for (const [itemCode, list] of Object.entries(raw)) {
    if (!Array.isArray(list) || list.some((basis) => typeof basis !== 'string' || [...basis.trim()].length < LEGAL_BASIS_MIN_LENGTH)) {
      problems.push(`${itemCode} must be a list of legal bases of at least ${LEGAL_BASIS_MIN_LENGTH} characters`);
      continue;
    }
    bases[itemCode] = list.map((basis: string) => basis.trim());
  }
  return { bases, problems };
}
