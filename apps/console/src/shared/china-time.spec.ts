import { afterEach, describe, expect, it } from 'vitest';
import { setConsoleClock } from './clock';
import { addCalendarDays, chinaToday, formatDate, formatDateTime, formatTime, isOnChinaDate } from './china-time';

describe('China time', () => {
  afterEach(() => setConsoleClock());

  it('shows an instant in China Standard Time, whatever the zone of the machine', () => {
    // 16:30 UTC on 5 March is 00:30 on 6 March in Beijing.
    expect(formatDateTime('2026-03-05T16:30:00.000Z')).toBe('2026-03-06 00:30');
    expect(formatTime('2026-03-05T16:30:00.000Z')).toBe('00:30');
  });

  it('takes the China calendar date of an instant, not the UTC one', () => {
    expect(formatDate('2026-03-05T16:30:00.000Z')).toBe('2026-03-06');
    expect(chinaToday(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    // "Today" is the console clock's day in China.
    setConsoleClock({ now: () => new Date('2026-03-05T16:30:00.000Z') });
    expect(chinaToday()).toBe('2026-03-06');
    expect(isOnChinaDate('2026-03-05T16:30:00.000Z', '2026-03-06')).toBe(true);
  });

  it('shows a calendar date (a deadline) as the day it names', () => {
    expect(formatDate('2026-03-20')).toBe('2026-03-20');
  });

  it('shows a dash for a missing or unreadable value', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDate(undefined)).toBe('—');
  });

  it('counts calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
