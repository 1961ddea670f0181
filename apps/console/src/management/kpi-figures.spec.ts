import { describe, expect, it } from 'vitest';
import type { KpisView, RatioView } from '@/api/supervision';
import { kpiFigures, percentText } from './kpi-figures';

const ratio = (numerator: number, denominator: number): RatioView => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

function someKpis(overrides: Partial<KpisView> = {}): KpisView {
  const none = ratio(0, 0);
  return {
    cases: 12,
    decided: 9,
    open: 3,
    completionRate: ratio(9, 12),
    onTimeRate: ratio(8, 9),
    promiseCompressionRate: ratio(15, 20),
    onlineRate: none,
    oneWindowRate: ratio(12, 12),
    visitsPerCase: ratio(10, 12),
    zeroVisitRate: none,
    atMostOneVisitRate: ratio(11, 12),
    satisfactionRate: ratio(4, 5),
    rectificationRate: ratio(1, 1),
    notices: 7,
    noticePushedOnTimeRate: ratio(7, 7),
    noticeAcknowledgedRate: ratio(5, 7),
    noticeAcknowledgedOnTimeRate: ratio(4, 7),
    noticesEscalated: 1,
    autoFillRate: ratio(30, 40),
    ...overrides,
  };
}

describe('the 电子监察 figures', () => {
  it('shows every count and rate exactly as the KPI API computed it', () => {
    const figures = Object.fromEntries(kpiFigures(someKpis()).map((figure) => [figure.key, figure]));
    expect(figures['cases']).toMatchObject({ label: '办件量', value: 12, text: '12' });
    expect(figures['onTimeRate']).toMatchObject({ label: '按时办结率', value: 8 / 9, text: '88.9%', detail: '8 / 9' });
    expect(figures['visitsPerCase']).toMatchObject({ label: '平均跑动次数', text: '0.83 次', detail: '10 次 / 12 件' });
  });

  it('shows a dash where there is nothing to divide, never 0%', () => {
    expect(percentText(ratio(0, 0))).toBe('—');
    expect(percentText(ratio(0, 4))).toBe('0.0%');
  });
});
