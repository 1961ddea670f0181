import { blacklistEntriesText, type CreditStanding } from '@onewindow/domain';

export interface CreditProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * 审管互动, the returning half: a blacklisted applicant may not rely on 容缺 or 告知承诺 (the
 * department must ask for the real materials first), and approving them at all needs an explicit
 * override with a reason.
 */
export function checkCreditGate(
  standing: CreditStanding,
  relied: { deficiencies: number; pledges: number },
  override: { reason?: string } | undefined,
): CreditProblem[] {
  if (!standing.blacklisted) return [];
  const problems: CreditProblem[] = [];
  const entries = blacklistEntriesText(standing);
  if (relied.deficiencies > 0 || relied.pledges > 0) {
    problems.push({
      path: 'outcome',
      code: 'CREDIT_NO_TOLERANCE',
      message: `申请人列入失信名单（${entries}），不适用容缺受理和告知承诺，请退回补正，收齐全部材料后再作决定`,
    });
  }
  if (!override?.reason?.trim()) {
    problems.push({
      path: 'creditOverride.reason',
      code: 'CREDIT_OVERRIDE_REQUIRED',
      message: `申请人列入失信名单（${entries}），准予许可须写明理由确认`,
    });
  }
  return problems;
}
