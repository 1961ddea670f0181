import { describe, expect, it } from 'vitest';
import { calendarBanner, calendarTemplate, readCalendarYear } from './calendar-years';

describe('the calendar banner', () => {
  const loaded = { intake: [2024, 2025, 2026], approval: [2024, 2025, 2026] };

  it('stays silent before 1 November', () => {
    expect(calendarBanner(loaded, '2026-10-31')).toBeNull();
  });

  it("from 1 November names each service that lacks next year's calendar", () => {
    expect(calendarBanner({ ...loaded, intake: [2024, 2025, 2026, 2027] }, '2026-11-01')).toBe(
      '2027年的工作日历在审批服务中尚未载入：跨入2027年的办理期限将无法计算，受理和延期会被拒绝。请在年底前载入。',
    );
  });

  it('goes once next year is loaded everywhere', () => {
    expect(calendarBanner({ intake: [2026, 2027], approval: [2026, 2027] }, '2026-12-07')).toBeNull();
  });

  it("says at once when this year's calendar is missing", () => {
    expect(calendarBanner({ intake: [2025], approval: [2025] }, '2026-01-02')).toContain('2026年的工作日历在受理服务、审批服务中尚未载入');
  });
});

describe('a year typed by the administrator', () => {
  it('is read from JSON, starting from the template', () => {
    const read = readCalendarYear(calendarTemplate(2027));
    expect(read).toEqual({ ok: true, data: expect.objectContaining({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }] }) });
  });

  it('is refused in Chinese when it is not JSON or not an object', () => {
    expect(readCalendarYear('{ year: 2027')).toEqual({ ok: false, message: expect.stringContaining('不是有效的JSON') });
    expect(readCalendarYear('[2027]')).toEqual({ ok: false, message: expect.stringContaining('应为一个对象') });
  });
});
