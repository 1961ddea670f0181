import { computeKpis, filterFacts, kpisBy, ratio, type Facts } from './kpis';
import { aCaseFact, aNoticeFact, aRatingFact } from './testing/fact-builders';

const SCJG = 'DCF-SCJGJ';
const WJW = 'DCF-WJW';

/** Seven cases, five ratings and four notices; every expected value below is counted by hand from this list. */
function aDataset(): Facts {
  return {
    cases: [
      aCaseFact({ itemCode: 'A', channel: 'window', status: 'approved', onTime: true, visits: 1 }),
      aCaseFact({ itemCode: 'A', channel: 'online', status: 'approved', onTime: false, visits: 0 }),
      aCaseFact({ itemCode: 'B', level: 'town', channel: 'window', status: 'open', onTime: null, committedWorkingDays: 10, visits: null }),
      aCaseFact({
        itemCode: 'B',
        level: 'town',
        channel: 'village-agent',
        month: '2026-04',
        status: 'refused',
        onTime: true,
        committedWorkingDays: 10,
        visits: 2,
      }),
      aCaseFact({
        departmentCode: WJW,
        itemCode: 'C',
        channel: 'mobile',
        status: 'approved',
        onTime: true,
        committedWorkingDays: 15,
        visits: 0,
      }),
      aCaseFact({
        departmentCode: WJW,
        itemCode: 'C',
        channel: 'self-service',
        month: '2026-04',
        status: 'open',
        onTime: null,
        committedWorkingDays: 15,
        visits: null,
      }),
      // 即办件: no legal limit, left out of 承诺时限压缩率.
      aCaseFact({
        departmentCode: WJW,
        itemCode: 'D',
        channel: 'window',
        status: 'approved',
        onTime: true,
        committedWorkingDays: 0,
        legalWorkingDays: 0,
        visits: 1,
      }),
    ],
    ratings: [
      aRatingFact({ rating: 5 }),
      aRatingFact({ rating: 2, rectificationOpened: true, rectificationAnswered: true }),
      aRatingFact({ rating: 4, month: '2026-04', followUp: true }),
      aRatingFact({ departmentCode: WJW, rating: 1, rectificationOpened: true }),
      aRatingFact({ departmentCode: WJW, rating: 3 }),
    ],
    notices: [
      aNoticeFact({ itemCode: 'A' }),
      aNoticeFact({ departmentCode: WJW, itemCode: 'A', acknowledgedOnTime: false, escalated: true }),
      aNoticeFact({
        departmentCode: WJW,
        itemCode: 'C',
        pushedOnTime: false,
        acknowledged: false,
        acknowledgedOnTime: false,
        escalated: true,
      }),
      aNoticeFact({ itemCode: 'C', month: '2026-04', acknowledged: false, acknowledgedOnTime: false }),
    ],
  };
}

describe('the monitoring KPIs', () => {
  it('count the form answers filled from shared data and kept, against every answer (自动调取率)', () => {
    const kpis = computeKpis({
      cases: [
        aCaseFact({ formFields: { automatic: 6, changed: 1, typed: 13 } }),
        aCaseFact({ formFields: { automatic: 0, changed: 0, typed: 10 } }),
        aCaseFact({ formFields: null }),
      ],
      ratings: [],
      notices: [],
    });
    expect(kpis.autoFillRate).toEqual({ numerator: 6, denominator: 30, value: 0.2 });
  });

  it('are ratios with their counts, empty rather than divided by zero', () => {
    expect(ratio(2, 3)).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('equal the values counted by hand over the whole dataset', () => {
    const kpis = computeKpis(aDataset());
    expect(kpis).toMatchObject({ cases: 7, decided: 5, open: 2, notices: 4, noticesEscalated: 2 });
    expect(kpis.completionRate).toEqual(ratio(5, 7));
    expect(kpis.completionRate.value).toBe(0.7143);
    expect(kpis.onTimeRate).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    // Σ legal 120 over the six cases with a limit, Σ committed 60: half the legal time.
    expect(kpis.promiseCompressionRate).toEqual({ numerator: 60, denominator: 120, value: 0.5 });
    expect(kpis.onlineRate).toEqual({ numerator: 2, denominator: 7, value: 0.2857 });
    // In person: window ×3, village agent, self-service.
    expect(kpis.oneWindowRate).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    // Issued: visits 1, 0, 2, 0, 1.
    expect(kpis.visitsPerCase).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(kpis.zeroVisitRate).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    expect(kpis.atMostOneVisitRate).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    // First ratings 5, 2, 1, 3 (the follow-up 4 is not counted again).
    expect(kpis.satisfactionRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(kpis.rectificationRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(kpis.noticePushedOnTimeRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(kpis.noticeAcknowledgedRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(kpis.noticeAcknowledgedOnTimeRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('count refusals, revocations, 容缺, 告知承诺 and 补正 with their rates', () => {
    const facts: Facts = {
      cases: [
        aCaseFact({ status: 'approved', withDeficiencies: true, windowNotice: true }),
        aCaseFact({ status: 'approved', withPledges: true, revoked: true }),
        aCaseFact({ status: 'approved', withPledges: true, supplementRequested: true }),
        aCaseFact({ status: 'refused', supplementRequested: true }),
        aCaseFact({ status: 'open', onTime: null, withDeficiencies: true, windowNotice: true }),
      ],
      ratings: [],
      notices: [],
    };
    expect(computeKpis(facts)).toMatchObject({
      refused: 1,
      refusalRate: ratio(1, 4),
      revoked: 1,
      revocationRate: ratio(1, 3),
      withDeficiencies: 2,
      toleranceRate: ratio(2, 5),
      withPledges: 2,
      pledgeRate: ratio(2, 5),
      windowNoticed: 2,
      windowNoticeRate: ratio(2, 5),
      supplementRequested: 2,
      supplementRequestRate: ratio(2, 5),
    });
  });

  it('break down by department, counting each department only its own rows', () => {
    const [market, health] = kpisBy(aDataset(), 'department');
    expect(market?.key).toBe(SCJG);
    expect(market?.kpis).toMatchObject({
      cases: 4,
      completionRate: ratio(3, 4),
      onTimeRate: ratio(2, 3),
      promiseCompressionRate: ratio(50, 80),
      onlineRate: ratio(1, 4),
      oneWindowRate: ratio(2, 3),
      visitsPerCase: ratio(3, 3),
      satisfactionRate: ratio(1, 2),
      rectificationRate: ratio(1, 1),
      noticeAcknowledgedRate: ratio(1, 2),
    });
    expect(health?.key).toBe(WJW);
    expect(health?.kpis).toMatchObject({
      cases: 3,
      completionRate: ratio(2, 3),
      satisfactionRate: ratio(0, 2),
      rectificationRate: ratio(0, 1),
      noticesEscalated: 2,
    });
  });

  it('break down by month, level, channel and item; a rating without an item counts in no item', () => {
    const byMonth = kpisBy(aDataset(), 'month');
    expect(byMonth.map((g) => [g.key, g.kpis.cases, g.kpis.decided])).toEqual([
      ['2026-03', 5, 4],
      ['2026-04', 2, 1],
    ]);
    expect(kpisBy(aDataset(), 'level').map((g) => [g.key, g.kpis.cases])).toEqual([
      ['district', 5],
      ['town', 2],
    ]);
    expect(kpisBy(aDataset(), 'channel').map((g) => g.key)).toEqual(['mobile', 'online', 'self-service', 'village-agent', 'window']);
    const byItem = kpisBy(aDataset(), 'item');
    expect(byItem.map((g) => g.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(byItem[0]?.kpis).toMatchObject({ cases: 2, notices: 2, satisfactionRate: ratio(0, 0), noticeAcknowledgedRate: ratio(2, 2) });
  });

  it('count a rating under the item the department handled in that application, so 满意率 by item is filled', () => {
    const facts = {
      cases: [aCaseFact({ itemCode: 'A' }), aCaseFact({ itemCode: 'B' })],
      ratings: [
        aRatingFact({ itemCode: 'A', rating: 5 }),
        aRatingFact({ itemCode: 'A', rating: 2 }),
        aRatingFact({ itemCode: 'B', rating: 4 }),
      ],
      notices: [],
    };
    expect(kpisBy(facts, 'item').map((g) => [g.key, g.kpis.satisfactionRate])).toEqual([
      ['A', ratio(1, 2)],
      ['B', ratio(1, 1)],
    ]);
    expect(filterFacts(facts, { itemCode: 'B' }).ratings).toHaveLength(1);
  });

  it('filter one slice: a department in one month', () => {
    const slice = computeKpis(filterFacts(aDataset(), { departmentCode: SCJG, fromMonth: '2026-04', toMonth: '2026-04' }));
    expect(slice).toMatchObject({
      cases: 1,
      decided: 1,
      onTimeRate: ratio(1, 1),
      visitsPerCase: ratio(2, 1),
      notices: 1,
      satisfactionRate: ratio(0, 0),
    });
  });
});
