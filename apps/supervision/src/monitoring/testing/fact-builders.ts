import type { CaseFact, NoticeFact, RatingFact } from '../kpis';

/** Read model rows for KPI tests: a food permit case at the district window in March 2026, unless told otherwise. */
export function aCaseFact(overrides: Partial<CaseFact> = {}): CaseFact {
  return {
    departmentCode: 'DCF-SCJGJ',
    itemCode: 'DCF-SCJG-XK-001',
    level: 'district',
    channel: 'window',
    month: '2026-03',
    status: 'approved',
    onTime: true,
    committedWorkingDays: 5,
    legalWorkingDays: 20,
    visits: 1,
    formFields: { automatic: 6, changed: 1, typed: 13 },
    ...overrides,
  };
}

export function aRatingFact(overrides: Partial<RatingFact> = {}): RatingFact {
  return {
    departmentCode: 'DCF-SCJGJ',
    level: 'district',
    channel: 'window',
    month: '2026-03',
    rating: 5,
    followUp: false,
    rectificationOpened: false,
    rectificationAnswered: false,
    ...overrides,
  };
}

export function aNoticeFact(overrides: Partial<NoticeFact> = {}): NoticeFact {
  return {
    departmentCode: 'DCF-SCJGJ',
    itemCode: 'DCF-SCJG-XK-001',
    level: 'district',
    channel: 'window',
    month: '2026-03',
    pushedOnTime: true,
    acknowledged: true,
    acknowledgedOnTime: true,
    escalated: false,
    ...overrides,
  };
}
