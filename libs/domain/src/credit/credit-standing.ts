/** A supervision record about a holder (行政处罚, 失信, 红名单, inspection), as the services keep it. */
export interface CreditRecord {
  /** penalty 行政处罚, blacklist 失信, redlist 红名单, inspection 检查 (the contracts' SupervisionRecordKind; a string here keeps the domain lib free of dependencies). */
  kind: string;
  title: string;
  decidedOn: string;
  validUntil: string | null;
  withdrawn: boolean;
}

export interface CreditStanding<R extends CreditRecord = CreditRecord> {
  /** On an active 失信 (blacklist) entry today. */
  blacklisted: boolean;
  activeBlacklist: R[];
  penalties: R[];
  redlisted: boolean;
}

/** A record holds from its decision until its end date (open-ended without one), unless withdrawn. */
export function isActive(record: CreditRecord, today: string): boolean {
  return !record.withdrawn && record.decidedOn <= today && (record.validUntil === null || record.validUntil >= today);
}

/**
 * A holder's credit standing on a day, from supervision's records: the window and the approvers
 * judge 容缺 and 告知承诺 by the same rule.
 */
export function creditStanding<R extends CreditRecord>(records: readonly R[], today: string): CreditStanding<R> {
  const active = records.filter((record) => isActive(record, today));
  const activeBlacklist = active.filter((record) => record.kind === 'blacklist');
  return {
    blacklisted: activeBlacklist.length > 0,
    activeBlacklist,
    penalties: records.filter((record) => record.kind === 'penalty' && !record.withdrawn),
    redlisted: active.some((record) => record.kind === 'redlist'),
  };
}

/** The blacklist entries as an applicant is told them: 「title（decidedOn）；…」. */
export function blacklistEntriesText(standing: CreditStanding): string {
  return standing.activeBlacklist.map((record) => `${record.title}（${record.decidedOn}）`).join('；');
}
