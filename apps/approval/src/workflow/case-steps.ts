/**
 * The steps of a case: 受理 (accept, done when the case opens) → 审查 (examine) → 审核 (verify) →
 * 批准 (approve, the decision) → 办结 (conclude, done with the decision). Which of the middle
 * steps an item needs is configured per item; approval is always the last one.
 */
export const CASE_STEPS = ['accept', 'examine', 'verify', 'approve', 'conclude'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

export const CASE_STEP_NAMES: Record<CaseStep, string> = {
  accept: '受理',
  examine: '审查',
  verify: '审核',
  approve: '批准',
  conclude: '办结',
};
