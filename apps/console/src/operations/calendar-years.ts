/**
 * 工作日历 as the administrator sees it: the years each deadline-counting service (intake,
 * approval) has loaded, the banner from 1 November while next year is missing, and a year typed
 * as JSON read before it is sent.
 */
export const CALENDAR_SERVICES = ['intake', 'approval'] as const;
export type CalendarService = (typeof CALENDAR_SERVICES)[number];

export const CALENDAR_SERVICE_LABELS: Record<CalendarService, string> = { intake: '受理服务', approval: '审批服务' };

/** What the administrator must hear today, or null: this year missing anywhere, or from 1 November next year. */
export function calendarBanner(loaded: Record<CalendarService, readonly number[]>, today: string): string | null {
  const year = Number(today.slice(0, 4));
  const missing = (wanted: number) =>
    CALENDAR_SERVICES.filter((service) => !loaded[service].includes(wanted)).map((service) => CALENDAR_SERVICE_LABELS[service]);
  const thisYear = missing(year);
  if (thisYear.length) return `${year}年的工作日历在${thisYear.join('、')}中尚未载入：办理期限无法计算，请立即载入。`;
  const nextYear = missing(year + 1);
  if (today.slice(5) >= '11-01' && nextYear.length) {
    return `${year + 1}年的工作日历在${nextYear.join('、')}中尚未载入：跨入${year + 1}年的办理期限将无法计算，受理和延期会被拒绝。请在年底前载入。`;
  }
  return null;
}

/** A year to start from: the shape the services take, with the dates still to fill in. */
export function calendarTemplate(year: number): string {
  return JSON.stringify(
    {
      year,
      source: `国务院办公厅关于${year}年部分节假日安排的通知`,
      holidays: [{ date: `${year}-01-01`, name: '元旦' }],
      makeUpWorkdays: [],
    },
    null,
    2,
  );
}

/** The typed text as a year to send, or the one problem that stops it being read (in Chinese). */
export function readCalendarYear(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: '日历内容不是有效的JSON，请检查括号、引号和逗号' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: '日历内容应为一个对象：{ "year": 年份, "holidays": [...], "makeUpWorkdays": [...] }' };
  }
  return { ok: true, data: parsed as Record<string, unknown> };
}
