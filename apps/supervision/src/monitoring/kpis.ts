/**
 * 电子监察 KPIs: pure functions over the read model's rows, so each definition is written once,
 * unit-tested, and documented in apps/supervision/README.md. A rate is a ratio with its
 * numerator and denominator; it is `null` when nothing was counted (no division by zero).
 */

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, rounded to 4 decimals; null when the denominator is 0. */
  value: number | null;
}

/** One department's part of an application (a case), with what the KPIs need of its application. */
export interface CaseFact {
  departmentCode: string;
  itemCode: string;
  level: string;
  channel: string;
  /** `YYYY-MM` of acceptance (China time): the period the case counts in. */
  month: string;
  status: 'open' | 'approved' | 'refused';
  /** Decided by the deadline in force (suspensions already left out); null while open. */
  onTime: boolean | null;
  committedWorkingDays: number;
  legalWorkingDays: number;
  /** Visits in person over the application (最多跑一次), once its results were issued. */
  visits: number | null;
  /** The part's form answers by how they were filled (数据自动调取); null for cases from before forms. */
  formFields: { automatic: number; changed: number; typed: number } | null;
  /** Accepted with materials to follow (容缺受理). */
  withDeficiencies: boolean;
  /** Accepted on pledges instead of proofs (告知承诺). */
  withPledges: boolean;
  /** The application needed a one-time notice (一次性告知, 窗口补正) before it was accepted. */
  windowNotice: boolean;
  /** The department returned it for supplement during review (退回补正). */
  supplementRequested: boolean;
  /** Approved, and its licence revoked since (撤销许可). */
  revoked: boolean;
}

export interface RatingFact {
  departmentCode: string;
  /**
   * The item the rated department handled in the rated application (a rating names the
   * application and the department, not the item); null when the read model has no such case.
   */
  itemCode: string | null;
  level: string;
  channel: string;
  month: string;
  /** 5 非常满意 … 1 非常不满意. */
  rating: number;
  /** The applicant's rating after a rectification; not counted again in 满意率. */
  followUp: boolean;
  /** Opened a rectification (差评) that the department has answered. */
  rectificationOpened: boolean;
  rectificationAnswered: boolean;
}

/** Whether a notice went out within the push limit after its licence was issued. */
export function pushedOnTime(licenceIssuedAt: Date, noticeCreatedAt: Date, limitMinutes: number): boolean {
  return noticeCreatedAt.getTime() - licenceIssuedAt.getTime() <= limitMinutes * 60_000;
}

export interface NoticeFact {
  departmentCode: string;
  itemCode: string;
  level: string;
  channel: string;
  month: string;
  /** Created within the push limit after the licence was issued (NOTICE_PUSH_ON_TIME_MINUTES). */
  pushedOnTime: boolean;
  acknowledged: boolean;
  acknowledgedOnTime: boolean;
  escalated: boolean;
}

export interface Kpis {
  cases: number;
  decided: number;
  open: number;
  /** 办结率: decided cases / cases. */
  completionRate: Ratio;
  /** 按时办结率: cases decided by their deadline / decided cases (suspensions do not count against the deadline). */
  onTimeRate: Ratio;
  /** 承诺时限压缩率: (Σ legal − Σ committed working days) / Σ legal working days, over cases with a legal limit. */
  promiseCompressionRate: Ratio;
  /** 网上办理率: cases applied for online (web or mobile) / cases. */
  onlineRate: Ratio;
  /** 一窗受理率: cases taken in at the comprehensive window / cases taken in person (window, self-service, village agent). */
  oneWindowRate: Ratio;
  /** 平均跑动次数: visits in person / cases whose results were issued. */
  visitsPerCase: Ratio;
  /** 零跑动: cases issued with no visit / cases issued. */
  zeroVisitRate: Ratio;
  /** 最多跑一次: cases issued with at most one visit / cases issued. */
  atMostOneVisitRate: Ratio;
  /** 满意率: first ratings of 4 or 5 / first ratings. */
  satisfactionRate: Ratio;
  /** 差评整改率: unfavourable ratings whose rectification was answered / unfavourable ratings that opened one. */
  rectificationRate: Ratio;
  notices: number;
  /** 审管互动 推送及时率: notices created within the push limit after the licence / notices. */
  noticePushedOnTimeRate: Ratio;
  /** 审管互动 认领率: notices acknowledged / notices. */
  noticeAcknowledgedRate: Ratio;
  /** 审管互动 按时认领率: notices acknowledged by their deadline / notices. */
  noticeAcknowledgedOnTimeRate: Ratio;
  /** Notices escalated to the department head (督办). */
  noticesEscalated: number;
  /** 申请表自动调取率: answers filled from shared data and kept / all answers of the cases' forms (消除二次录入). */
  autoFillRate: Ratio;
  refused: number;
  /** 不予许可率: refused cases / decided cases. */
  refusalRate: Ratio;
  revoked: number;
  /** 撤销率: approved cases whose licence was revoked / approved cases. */
  revocationRate: Ratio;
  withDeficiencies: number;
  /** 容缺受理率: cases accepted with materials to follow / cases. */
  toleranceRate: Ratio;
  withPledges: number;
  /** 告知承诺率: cases accepted on pledges / cases. */
  pledgeRate: Ratio;
  windowNoticed: number;
  /** 一次性告知率 (窗口补正): cases whose application needed a one-time notice before acceptance / cases. */
  windowNoticeRate: Ratio;
  supplementRequested: number;
  /** 退回补正率: cases a department returned for supplement during review / cases. */
  supplementRequestRate: Ratio;
}

export const ONLINE_CHANNELS = ['online', 'mobile'];
export const IN_PERSON_CHANNELS = ['window', 'self-service', 'village-agent'];

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

function count<T>(rows: readonly T[], predicate: (row: T) => boolean): number {
  return rows.reduce((total, row) => total + (predicate(row) ? 1 : 0), 0);
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}

export interface Facts {
  cases: readonly CaseFact[];
  ratings: readonly RatingFact[];
  notices: readonly NoticeFact[];
}

export function computeKpis({ cases, ratings, notices }: Facts): Kpis {
  const decided = cases.filter((c) => c.status !== 'open');
  const withLegalLimit = cases.filter((c) => c.legalWorkingDays > 0);
  const inPerson = cases.filter((c) => IN_PERSON_CHANNELS.includes(c.channel));
  const issued = cases.filter((c) => c.visits !== null);
  const firstRatings = ratings.filter((r) => !r.followUp);
  const rectifications = ratings.filter((r) => r.rectificationOpened);
  const legalDays = sum(withLegalLimit, (c) => c.legalWorkingDays);
  const answers = sum(cases, (c) => (c.formFields ? c.formFields.automatic + c.formFields.changed + c.formFields.typed : 0));
  return {
    cases: cases.length,
    decided: decided.length,
    open: cases.length - decided.length,
    completionRate: ratio(decided.length, cases.length),
    onTimeRate: ratio(
      count(decided, (c) => c.onTime === true),
      decided.length,
    ),
    promiseCompressionRate: ratio(legalDays - sum(withLegalLimit, (c) => c.committedWorkingDays), legalDays),
    onlineRate: ratio(
      count(cases, (c) => ONLINE_CHANNELS.includes(c.channel)),
      cases.length,
    ),
    oneWindowRate: ratio(
      count(inPerson, (c) => c.channel === 'window'),
      inPerson.length,
    ),
    visitsPerCase: ratio(
      sum(issued, (c) => c.visits ?? 0),
      issued.length,
    ),
    zeroVisitRate: ratio(
      count(issued, (c) => c.visits === 0),
      issued.length,
    ),
    atMostOneVisitRate: ratio(
      count(issued, (c) => (c.visits ?? 0) <= 1),
      issued.length,
    ),
    satisfactionRate: ratio(
      count(firstRatings, (r) => r.rating >= 4),
      firstRatings.length,
    ),
    rectificationRate: ratio(
      count(rectifications, (r) => r.rectificationAnswered),
      rectifications.length,
    ),
    notices: notices.length,
    noticePushedOnTimeRate: ratio(
      count(notices, (n) => n.pushedOnTime),
      notices.length,
    ),
    noticeAcknowledgedRate: ratio(
      count(notices, (n) => n.acknowledged),
      notices.length,
    ),
    noticeAcknowledgedOnTimeRate: ratio(
      count(notices, (n) => n.acknowledgedOnTime),
      notices.length,
    ),
    noticesEscalated: count(notices, (n) => n.escalated),
    autoFillRate: ratio(
      sum(cases, (c) => c.formFields?.automatic ?? 0),
      answers,
    ),
    ...toleranceAndOutcomes(cases, decided),
  };
}

/** Refusals, revocations, 容缺, 告知承诺 and 补正: what a centre reports beside speed and satisfaction. */
function toleranceAndOutcomes(cases: readonly CaseFact[], decided: readonly CaseFact[]) {
  const approved = decided.filter((c) => c.status === 'approved');
  const refused = count(decided, (c) => c.status === 'refused');
  const revoked = count(approved, (c) => c.revoked);
  const withDeficiencies = count(cases, (c) => c.withDeficiencies);
  const withPledges = count(cases, (c) => c.withPledges);
  const windowNoticed = count(cases, (c) => c.windowNotice);
  const supplementRequested = count(cases, (c) => c.supplementRequested);
  return {
    refused,
    refusalRate: ratio(refused, decided.length),
    revoked,
    revocationRate: ratio(revoked, approved.length),
    withDeficiencies,
    toleranceRate: ratio(withDeficiencies, cases.length),
    withPledges,
    pledgeRate: ratio(withPledges, cases.length),
    windowNoticed,
    windowNoticeRate: ratio(windowNoticed, cases.length),
    supplementRequested,
    supplementRequestRate: ratio(supplementRequested, cases.length),
  };
}

/** The dimensions KPIs are broken down by. A rating counts under the item its department handled in the application. */
export const KPI_DIMENSIONS = ['department', 'item', 'level', 'channel', 'month'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

function keyOf(fact: CaseFact | RatingFact | NoticeFact, by: KpiDimension): string | undefined {
  switch (by) {
    case 'department':
      return fact.departmentCode;
    case 'item':
      return fact.itemCode ?? undefined;
    case 'level':
      return fact.level;
    case 'channel':
      return fact.channel;
    case 'month':
      return fact.month;
  }
}

/** KPIs for each value of one dimension, sorted by that value. */
export function kpisBy(facts: Facts, by: KpiDimension): Array<{ key: string; kpis: Kpis }> {
  const groups = new Map<string, { cases: CaseFact[]; ratings: RatingFact[]; notices: NoticeFact[] }>();
  const group = (key: string | undefined) => {
    if (key === undefined) return undefined;
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { cases: [], ratings: [], notices: [] }));
    return found;
  };
  facts.cases.forEach((fact) => group(keyOf(fact, by))?.cases.push(fact));
  facts.ratings.forEach((fact) => group(keyOf(fact, by))?.ratings.push(fact));
  facts.notices.forEach((fact) => group(keyOf(fact, by))?.notices.push(fact));
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, rows]) => ({ key, kpis: computeKpis(rows) }));
}

export interface FactFilter {
  departmentCode?: string;
  itemCode?: string;
  level?: string;
  channel?: string;
  /** Inclusive `YYYY-MM` bounds. */
  fromMonth?: string;
  toMonth?: string;
}

/** Keeps the facts of one slice (department, item, level, channel, months). */
export function filterFacts(facts: Facts, filter: FactFilter): Facts {
  const keep = (fact: CaseFact | RatingFact | NoticeFact) =>
    (filter.departmentCode === undefined || fact.departmentCode === filter.departmentCode) &&
    (filter.itemCode === undefined || fact.itemCode === filter.itemCode) &&
    (filter.level === undefined || fact.level === filter.level) &&
    (filter.channel === undefined || fact.channel === filter.channel) &&
    (filter.fromMonth === undefined || fact.month >= filter.fromMonth) &&
    (filter.toMonth === undefined || fact.month <= filter.toMonth);
  return { cases: facts.cases.filter(keep), ratings: facts.ratings.filter(keep), notices: facts.notices.filter(keep) };
}
