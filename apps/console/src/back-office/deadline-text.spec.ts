import { describe, expect, it } from 'vitest';
import { daysLeftText } from './deadline-text';

describe('the working days left as an approver reads them', () => {
  it('counts down, says when the case is due today, and counts the days overdue', () => {
    expect(daysLeftText(6, null)).toBe('剩 6 个工作日');
    expect(daysLeftText(0, null)).toBe('今日到期');
    expect(daysLeftText(-2, null)).toBe('超期 2 个工作日');
  });

  it('says the clock stands still during a special procedure', () => {
    expect(daysLeftText(4, 'hearing')).toBe('暂停计时（听证）');
  });
});
