import type { CaseStatus } from '../cases/approval-case.entity';
import { refusalProblems } from './refusal-grounds';

export type CaseDecision =
  | { outcome: 'approved'; scope?: string; validUntil?: string; licenceNumber?: string; creditOverride?: { reason: string } }
  | { outcome: 'refused'; reason: string; legalBasis: string };

export interface DecisionProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * The rules a decision must satisfy before anything is written. Only a department may refuse
 * (窗口无权否决), and a refusal must give the applicant its reason and a legal basis that cites a
 * law or regulation, or one of `acceptedBases` configured for the item (see `refusalProblems`).
 */
export function checkDecision(
  status: CaseStatus,
  decision: CaseDecision,
  today: string,
  acceptedBases: readonly string[] = [],
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (status !== 'open') {
    problems.push({ path: 'outcome', code: 'CASE_ALREADY_DECIDED', message: '该办件已作出决定，不能重复决定' });
  }
  if (decision.outcome === 'refused') problems.push(...refusalProblems(decision, acceptedBases));
  if (decision.outcome === 'approved' && decision.validUntil && decision.validUntil <= today) {
    problems.push({ path: 'validUntil', code: 'VALIDITY_IN_PAST', message: '证照有效期截止日期必须晚于今天' });
  }
  return problems;
}

/** The application's outcome once every part is decided. */
export function applicationOutcome(totalParts: number, approvedParts: number): 'approved' | 'refused' | 'partially-approved' {
  if (approvedParts === totalParts) return 'approved';
  if (approvedParts === 0) return 'refused';
  return 'partially-approved';
}
