import { isLocalDate, yearOf } from './local-date';

export interface NamedDate {
  date: string;
  name: string;
}

/**
 * One year of the official arrangement: days off that are holidays (with the weekend days of a
 * holiday period) and make-up working days (调休) that fall on a weekend.
 */
export interface CalendarYearData {
  year: number;
  source?: string;
  holidays: NamedDate[];
  makeUpWorkdays: NamedDate[];
}

export interface CalendarDataProblem {
  path: string;
  message: string;
}

/** Every problem with a year's data, each with its path, so an administrator can fix them all at once. */
export function checkCalendarYear(data: CalendarYearData): CalendarDataProblem[] {
  const problems: CalendarDataProblem[] = [];
  if (!Number.isInteger(data.year) || data.year < 2000 || data.year > 2100) {
    problems.push({ path: 'year', message: '年份应为2000至2100之间的整数' });
    return problems;
  }
  const seen = new Map<string, string>();
  (['holidays', 'makeUpWorkdays'] as const).forEach((list) => {
    if (!Array.isArray(data[list])) {
      problems.push({ path: list, message: '必须是日期列表' });
      return;
    }
    data[list].forEach((entry, index) => {
      const path = `${list}[${index}].date`;
      if (!entry || typeof entry.date !== 'string' || !isLocalDate(entry.date)) {
        problems.push({ path, message: '日期格式应为YYYY-MM-DD且为真实日期' });
        return;
      }
      if (yearOf(entry.date) !== data.year) {
        problems.push({ path, message: `日期${entry.date}不属于${data.year}年` });
      }
      const other = seen.get(entry.date);
      if (other) {
        problems.push({ path, message: `日期${entry.date}重复出现（已在${other}中）` });
      }
      seen.set(entry.date, path);
      if (typeof entry.name !== 'string' || entry.name.trim() === '') {
        problems.push({ path: `${list}[${index}].name`, message: '请填写节日名称' });
      }
    });
  });
  return problems;
}
