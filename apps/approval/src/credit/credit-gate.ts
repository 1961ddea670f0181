import type { SupervisionRecordKind } from '@onewindow/contracts';

export interface CreditRecord {
  kind: SupervisionRecordKind;
  title: string;
  decidedOn: string;
  validUntil: string | null;
  withdrawn: boolean;
}

export interface CreditStanding {
  /** On an active 失信 (blacklist) entry today. */
  blacklisted: boolean;
  activeBlacklist: CreditRecord[];
  penalties: CreditRecord[];
  redlisted: boolean;
}

export interface CreditProblem {
  path: string;
  code: string;
  message: string;
}

/** A record holds from its decision until its end date (open-ended without one), unless withdrawn. */
export function isActive(record: CreditRecord, today: string): boolean {
  return !record.withdrawn && record.decidedOn <= today && (record.validUntil === null || record.validUntil >= today);
}

export function creditStanding(records: readonly CreditRecord[], today: string): CreditStanding {
  const active = records.filter((record) => isActive(record, today));
  const activeBlacklist = active.filter((record) => record.kind === 'blacklist');
  return {
    blacklisted: activeBlacklist.length > 0,
    activeBlacklist,
    penalties: records.filter((record) => record.kind === 'penalty' && !record.withdrawn),
    redlisted: active.some((record) => record.kind === 'redlist'),
  };
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
  const entries = standing.activeBlacklist.map((record) => `${record.title}（${record.decidedOn}）`).join('；');
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
