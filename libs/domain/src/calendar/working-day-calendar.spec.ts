import { CalendarDataError, calendarWarning, createWorkingDayCalendar, localDateInShanghai, WorkingDayCalendar } from '../index';

const calendar = createWorkingDayCalendar();

describe('working-day arithmetic', () => {
  it('does not count the start day: Friday 9 January 2026 plus one working day is Monday 12 January', () => {
    expect(calendar.addWorkingDays('2026-01-09', 1)).toEqual({ ok: true, date: '2026-01-12' });
  });

  it('counts the make-up Saturday before the 2026 Spring Festival as a working day', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toEqual({ ok: true, date: '2026-02-14' });
  });

  it('skips the whole 2026 Spring Festival holiday (15–23 February)', () => {
    expect(calendar.addWorkingDays('2026-02-14', 1)).toEqual({ ok: true, date: '2026-02-24' });
    expect(calendar.addWorkingDays('2026-02-13', 5)).toEqual({ ok: true, date: '2026-02-27' });
  });

  it('counts the make-up Saturday after the Spring Festival (28 February)', () => {
    expect(calendar.addWorkingDays('2026-02-13', 6)).toEqual({ ok: true, date: '2026-02-28' });
  });

  it('skips the 2026 National Day holiday and counts its make-up Saturday (10 October)', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toEqual({ ok: true, date: '2026-10-08' });
    expect(calendar.addWorkingDays('2026-09-30', 3)).toEqual({ ok: true, date: '2026-10-10' });
  });

  it('counts the make-up Sunday before National Day (20 September)', () => {
    expect(calendar.addWorkingDays('2026-09-18', 1)).toEqual({ ok: true, date: '2026-09-20' });
  });

  it('gives the same day for zero working days (an immediate item)', () => {
    expect(calendar.addWorkingDays('2026-03-05', 0)).toEqual({ ok: true, date: '2026-03-05' });
  });

  it('counts working days between two dates across a holiday', () => {
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toEqual({ ok: true, days: 3 });
  });

  it('flags a deadline that would fall in a year whose calendar is not loaded, instead of guessing', () => {
    const result = calendar.addWorkingDays('2026-12-28', 10);
    expect(result).toMatchObject({ ok: false, code: 'CALENDAR_YEAR_MISSING', year: 2027 });
    expect(result.ok ? '' : result.message).toContain('2027年的节假日安排尚未载入');
  });

  it('uses a year an administrator loads as data', () => {
    const extended = createWorkingDayCalendar([{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [] }]);
    expect(extended.addWorkingDays('2026-12-31', 1)).toEqual({ ok: true, date: '2027-01-04' });
  });
});

describe('loading a calendar year', () => {
  it('refuses bad data and lists every problem with its path', () => {
    const empty = new WorkingDayCalendar();
    let error: unknown;
    try {
      empty.loadYear({
        year: 2027,
        holidays: [
          { date: '2026-10-01', name: '国庆节' },
          { date: '2027-02-30', name: '春节' },
          { date: '2027-05-01', name: '' },
        ],
        makeUpWorkdays: [{ date: '2027-05-01', name: '劳动节调休' }],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CalendarDataError);
    expect((error as CalendarDataError).problems.map((p) => p.path)).toEqual([
      'holidays[0].date',
      'holidays[1].date',
      'holidays[2].name',
      'makeUpWorkdays[0].date',
    ]);
    expect(empty.loadedYears()).toEqual([]);
  });
});

describe('dates in China', () => {
  it('takes the calendar date in Asia/Shanghai, not UTC', () => {
    expect(localDateInShanghai(new Date('2026-03-04T17:30:00Z'))).toBe('2026-03-05');
    expect(localDateInShanghai(new Date('2026-03-05T15:59:59Z'))).toBe('2026-03-05');
  });
});

describe('the calendar warning', () => {
  it('is silent until 31 October and warns from 1 November while next year is not loaded', () => {
    expect(calendarWarning([2025, 2026], '2026-10-31')).toBeNull();
    expect(calendarWarning([2025, 2026], '2026-11-01')).toContain('2027年的节假日安排尚未载入');
    expect(calendarWarning([2025, 2026], '2026-12-31')).toContain('2027年');
    expect(calendarWarning([2026, 2027], '2026-11-01')).toBeNull();
  });

  it('warns at once when the current year is missing', () => {
    expect(calendarWarning([2026], '2027-01-04')).toContain('2027年的节假日安排尚未载入，工作日期限无法计算');
  });
});
