import type { KpisView, RatioView } from '@/api/supervision';

/**
 * The 电子监察 figures as management reads them, from the KPI API's values: each tile shows
 * exactly the API's number (a rate as a percentage of the API's ratio, one decimal).
 */
export interface KpiFigure {
  key: string;
  label: string;
  /** The API's value (a count, or a ratio's value); null when there is nothing to divide. */
  value: number | null;
  text: string;
  /** The counts behind a ratio: 分子/分母. */
  detail?: string;
}

type RatioKey = { [K in keyof KpisView]: KpisView[K] extends RatioView ? K : never }[keyof KpisView];
type CountKey = { [K in keyof KpisView]: KpisView[K] extends number ? K : never }[keyof KpisView];

const COUNTS: Array<[CountKey, string]> = [
  ['cases', '办件量'],
  ['decided', '已办结'],
  ['open', '在办'],
  ['notices', '审管互动告知'],
  ['noticesEscalated', '超时督办'],
];

const RATES: Array<[RatioKey, string]> = [
  ['completionRate', '办结率'],
  ['onTimeRate', '按时办结率'],
  ['promiseCompressionRate', '承诺时限压缩率'],
  ['atMostOneVisitRate', '最多跑一次率'],
  ['zeroVisitRate', '零跑动率'],
  ['onlineRate', '网上办理率'],
  ['oneWindowRate', '一窗受理率'],
  ['satisfactionRate', '满意率'],
  ['rectificationRate', '差评整改率'],
  ['noticePushedOnTimeRate', '告知推送及时率'],
  ['noticeAcknowledgedRate', '告知认领率'],
  ['autoFillRate', '申请表自动调取率'],
];

export function percentText(ratio: RatioView): string {
  return ratio.value === null ? '—' : `${(ratio.value * 100).toFixed(1)}%`;
}

export function kpiFigures(kpis: KpisView): KpiFigure[] {
  const counts = COUNTS.map(([key, label]) => ({ key, label, value: kpis[key], text: String(kpis[key]) }));
  const visits = kpis.visitsPerCase;
  const perCase: KpiFigure = {
    key: 'visitsPerCase',
    label: '平均跑动次数',
    value: visits.value,
    text: visits.value === null ? '—' : `${visits.value.toFixed(2)} 次`,
    detail: `${visits.numerator} 次 / ${visits.denominator} 件`,
  };
  const rates = RATES.map(([key, label]) => ({
    key,
    label,
    value: kpis[key].value,
    text: percentText(kpis[key]),
    detail: `${kpis[key].numerator} / ${kpis[key].denominator}`,
  }));
  return [...counts, perCase, ...rates];
}

/** `2026-12` for a China calendar date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
