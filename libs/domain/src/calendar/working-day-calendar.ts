import { CALENDAR_2024 } from './data/calendar-2024';
import { CALENDAR_2025 } from './data/calendar-2025';
import { CALENDAR_2026 } from './data/calendar-2026';
import { checkCalendarYear, type CalendarDataProblem, type CalendarYearData } from './calendar-year';
import { addDays, assertLocalDate, dayOfWeek, yearOf, type LocalDate } from './local-date';

export type DeadlineResult = { ok: true; date: LocalDate } | { ok: false; code: 'CALENDAR_YEAR_MISSING'; year: number; message: string };

export class CalendarDataError extends Error {
  constructor(readonly problems: CalendarDataProblem[]) {
    super(`Calendar data refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'CalendarDataError';
  }
}

/**
 * Working days (工作日) on the official calendar: weekdays that are not public holidays, plus
 * the make-up working days (调休) that fall on weekends. A count that reaches into a year whose
 * arrangement is not loaded is flagged, never guessed: the State Council publishes each year's
 * arrangement only late in the year before.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, { holidays: Set<string>; makeUp: Set<string> }>();

  constructor(years: CalendarYearData[] = []) {
    years.forEach((year) => this.loadYear(year));
  }

  /** Loads (or replaces) a year after checking it; refuses bad data with every problem listed. */
  loadYear(data: CalendarYearData): void {
    const problems = checkCalendarYear(data);
    if (problems.length > 0) throw new CalendarDataError(problems);
    this.years.set(data.year, {
      holidays: new Set(data.holidays.map((d) => d.date)),
      makeUp: new Set(data.makeUpWorkdays.map((d) => d.date)),
    });
  }

  loadedYears(): number[] {
    return [...this.years.keys()].sort();
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Undefined when the date's year is not loaded. */
  isWorkingDay(date: LocalDate): boolean | undefined {
    const year = this.years.get(yearOf(assertLocalDate(date)));
    if (!year) return undefined;
    if (year.makeUp.has(date)) return true;
    if (year.holidays.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The date `workingDays` working days after `start`; the start day itself is not counted
   * (Civil Code art. 201). Zero working days means "the same day" (即办件).
   */
  addWorkingDays(start: LocalDate, workingDays: number): DeadlineResult {
    if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${workingDays}`);
    let date = assertLocalDate(start);
    let counted = 0;
    while (counted < workingDays) {
      date = addDays(date, 1);
      const working = this.isWorkingDay(date);
      if (working === undefined) return missingYear(yearOf(date));
      if (working) counted += 1;
    }
    return { ok: true, date };
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): { ok: true; days: number } | Extract<DeadlineResult, { ok: false }> {
    let date = assertLocalDate(from);
    assertLocalDate(to);
    let days = 0;
    while (date < to) {
      date = addDays(date, 1);
      const working = this.isWorkingDay(date);
      if (working === undefined) return missingYear(yearOf(date));
      if (working) days += 1;
    }
    return { ok: true, days };
  }
}

function missingYear(year: number): Extract<DeadlineResult, { ok: false }> {
  return {
    ok: false,
    code: 'CALENDAR_YEAR_MISSING',
    year,
    message: `${year}年的节假日安排尚未载入，无法计算工作日期限，请联系管理员载入该年度日历`,
  };
}

/** The calendar with every year bundled in this release (2024–2026). */
export function createWorkingDayCalendar(extraYears: CalendarYearData[] = []): WorkingDayCalendar {
  return new WorkingDayCalendar([CALENDAR_2024, CALENDAR_2025, CALENDAR_2026, ...extraYears]);
}

/**
 * What an administrator must hear about the calendar on `today`, or null. The State Council
 * publishes next year's holidays late in the year; from 1 November deadlines of longer items
 * start to reach into it, so a missing next year is a warning (the service still works), and a
 * missing current year is one too.
 */
export function calendarWarning(loadedYears: readonly number[], today: LocalDate): string | null {
  const year = yearOf(assertLocalDate(today));
  if (!loadedYears.includes(year)) return `${year}年的节假日安排尚未载入，工作日期限无法计算，请管理员立即通过 POST /calendar/years 载入`;
  if (today.slice(5) >= '11-01' && !loadedYears.includes(year + 1)) {
    return `${year + 1}年的节假日安排尚未载入：跨入${year + 1}年的办理期限将无法计算（受理和延期会被拒绝），请管理员在年底前通过 POST /calendar/years 载入`;
  }
  return null;
}
