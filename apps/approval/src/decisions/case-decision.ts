import type { CaseStatus } from '../cases/approval-case.entity';

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
 * (窗口无权否决), and a refusal must give the applicant its legal basis and reason.
 */
export function checkDecision(status: CaseStatus, decision: CaseDecision, today: string): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (status !== 'open') {
    problems.push({ path: 'outcome', code: 'CASE_ALREADY_DECIDED', message: '该办件已作出决定，不能重复决定' });
  }
  if (decision.outcome === 'refused') {
    if (!decision.reason?.trim()) {
      problems.push({ path: 'reason', code: 'REFUSAL_REASON_REQUIRED', message: '不予许可必须说明理由' });
    }
    if (!decision.legalBasis?.trim()) {
      problems.push({ path: 'legalBasis', code: 'REFUSAL_LEGAL_BASIS_REQUIRED', message: '不予许可必须载明法律依据' });
    }
  }
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
