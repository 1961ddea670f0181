import { createWorkingDayCalendar } from '@onewindow/domain';
import {
  checkSuspension,
  checkSuspensionEnd,
  computeDeadline,
  deadlineColour,
  workingDaysLeft,
  type DeadlineLedger,
  type Extension,
  type Suspension,
} from './deadline-ledger';

const calendar = createWorkingDayCalendar();

function aLedger(overrides: Partial<DeadlineLedger> = {}): DeadlineLedger {
  return { startOn: '2026-02-12', workingDays: 5, suspensions: [], extensions: [], ...overrides };
}

function aSuspension(startOn: string, endOn: string | null, overrides: Partial<Suspension> = {}): Suspension {
  return { id: `s-${startOn}`, procedure: 'hearing', startOn, endOn, reason: '申请人要求听证', ...overrides };
}

function anExtension(workingDays: number, status: Extension['status'] = 'approved'): Extension {
  return { id: `e-${workingDays}-${status}`, workingDays, reason: '需现场核实经营场所', status };
}

function deadlineOf(ledger: DeadlineLedger, asOf = '2026-03-31') {
  const result = computeDeadline(ledger, calendar, asOf);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('the deadline ledger', () => {
  it('counts working days across the Spring Festival, with the make-up Saturday as a working day', () => {
    // 2-13 Fri (1), 2-14 调休 Sat (2), 2-15…2-23 春节, 2-24 (3), 2-25 (4), 2-26 (5)
    expect(deadlineOf(aLedger()).deadline).toBe('2026-02-26');
  });

  it('counts working days across National Day and the Mid-Autumn Festival, with the make-up Saturday after', () => {
    // 9-25…9-27 中秋, 9-28 (1), 9-29 (2), 9-30 (3), 10-1…10-7 国庆, 10-8 (4), 10-9 (5), 10-10 调休 Sat (6)
    expect(deadlineOf(aLedger({ startOn: '2026-09-24', workingDays: 3 })).deadline).toBe('2026-09-30');
    expect(deadlineOf(aLedger({ startOn: '2026-09-24', workingDays: 6 })).deadline).toBe('2026-10-10');
  });

  it('does not count the working days of a special procedure', () => {
    const result = deadlineOf(aLedger({ suspensions: [aSuspension('2026-02-24', '2026-02-25')] }));
    // 2-24 and 2-25 stand still; 2-26 (3), 2-27 (4), 2-28 调休 (5)
    expect(result.deadline).toBe('2026-02-28');
    expect(result.suspendedWorkingDays).toBe(2);
    expect(result.suspended).toBe(false);
  });

  it('does not count holidays inside a suspension twice', () => {
    // Suspended over the whole festival: only 2-14 (a make-up working day) is a suspended working day.
    const result = deadlineOf(aLedger({ suspensions: [aSuspension('2026-02-14', '2026-02-23')] }));
    expect(result.suspendedWorkingDays).toBe(1);
    // 2-13 (1), 2-24 (2), 2-25 (3), 2-26 (4), 2-27 (5)
    expect(result.deadline).toBe('2026-02-27');
  });

  it('moves the projected deadline day by day while a special procedure runs', () => {
    const ledger = aLedger({ suspensions: [aSuspension('2026-02-24', null, { procedure: 'expert-review' })] });
    const onTheSecondDay = deadlineOf(ledger, '2026-02-25');
    expect(onTheSecondDay).toMatchObject({ deadline: '2026-02-28', suspended: true, suspendedSince: '2026-02-24' });
    // One more working day suspended: 2-27 (3), 2-28 (4), 3-2 (5)
    expect(deadlineOf(ledger, '2026-02-26').deadline).toBe('2026-03-02');
  });

  it('adds approved extensions only', () => {
    expect(deadlineOf(aLedger({ extensions: [anExtension(3)] }))).toMatchObject({ deadline: '2026-03-02', extendedWorkingDays: 3 });
    expect(deadlineOf(aLedger({ extensions: [anExtension(3, 'requested'), anExtension(4, 'rejected')] })).deadline).toBe('2026-02-26');
  });

  it('combines suspensions and extensions', () => {
    const ledger = aLedger({
      suspensions: [aSuspension('2026-02-13', '2026-02-13', { procedure: 'site-inspection' }), aSuspension('2026-02-25', '2026-02-26')],
      extensions: [anExtension(2)],
    });
    // 2-13 stands still, 2-14 (1), 2-24 (2), 2-25/2-26 stand still, 2-27 (3), 2-28 (4), 3-2 (5), 3-3 (6), 3-4 (7)
    expect(deadlineOf(ledger)).toMatchObject({ deadline: '2026-03-04', suspendedWorkingDays: 3, extendedWorkingDays: 2 });
  });

  it('keeps a same-day item on the same day, and moves it past a suspension', () => {
    expect(deadlineOf(aLedger({ startOn: '2026-03-05', workingDays: 0 })).deadline).toBe('2026-03-05');
    expect(
      deadlineOf(aLedger({ startOn: '2026-03-05', workingDays: 0, suspensions: [aSuspension('2026-03-05', '2026-03-06')] })).deadline,
    ).toBe('2026-03-09');
  });

  it('flags a deadline in a year whose calendar is not loaded instead of guessing', () => {
    const result = computeDeadline(aLedger({ startOn: '2026-12-28', workingDays: 20 }), calendar, '2026-12-28');
    expect(result).toMatchObject({ ok: false, code: 'CALENDAR_YEAR_MISSING', year: 2027 });
  });
});

describe('recording a special procedure', () => {
  const ledger = aLedger({ suspensions: [aSuspension('2026-02-24', '2026-02-25')] });

  it('refuses a suspension that overlaps one already recorded', () => {
    const problems = checkSuspension(
      ledger,
      { procedure: 'testing', startOn: '2026-02-25', endOn: '2026-02-26', reason: '送检' },
      '2026-03-01',
    );
    expect(problems).toEqual([expect.objectContaining({ path: 'startOn', code: 'SUSPENSION_OVERLAPS' })]);
  });

  it('refuses any suspension after one that is still running', () => {
    const running = aLedger({ suspensions: [aSuspension('2026-02-24', null)] });
    const problems = checkSuspension(running, { procedure: 'testing', startOn: '2026-03-02', endOn: null, reason: '送检' }, '2026-03-02');
    expect(problems.map((p) => p.code)).toEqual(['SUSPENSION_OVERLAPS']);
  });

  it('accepts a suspension that starts the day after another ends', () => {
    expect(checkSuspension(ledger, { procedure: 'testing', startOn: '2026-02-26', endOn: null, reason: '送检' }, '2026-02-26')).toEqual([]);
  });

  it('requires a reason, a start after acceptance and not in the future, and an end after the start', () => {
    const problems = checkSuspension(
      aLedger(),
      { procedure: 'hearing', startOn: '2026-02-10', endOn: '2026-02-09', reason: ' ' },
      '2026-02-12',
    );
    expect(problems.map((p) => p.code).sort()).toEqual([
      'SUSPENSION_BEFORE_ACCEPTANCE',
      'SUSPENSION_ENDS_BEFORE_START',
      'SUSPENSION_REASON_REQUIRED',
    ]);
    expect(
      checkSuspension(aLedger(), { procedure: 'hearing', startOn: '2026-02-20', endOn: null, reason: '听证' }, '2026-02-13')[0]?.code,
    ).toBe('SUSPENSION_IN_FUTURE');
  });

  it('ends a running suspension once, not before it started and not in the future', () => {
    const running = aSuspension('2026-02-24', null);
    expect(checkSuspensionEnd(running, '2026-02-25', '2026-02-26')).toEqual([]);
    expect(checkSuspensionEnd(running, '2026-02-23', '2026-02-26')[0]?.code).toBe('SUSPENSION_ENDS_BEFORE_START');
    expect(checkSuspensionEnd(running, '2026-02-27', '2026-02-26')[0]?.code).toBe('SUSPENSION_END_IN_FUTURE');
    expect(checkSuspensionEnd(aSuspension('2026-02-24', '2026-02-25'), '2026-02-26', '2026-02-26')[0]?.code).toBe(
      'SUSPENSION_ALREADY_ENDED',
    );
  });
});

describe('the traffic light', () => {
  it('is green with time to spare, yellow within the configured share of the promised days, red once overdue', () => {
    // Promised 10 days, yellow within 30 %: 3 working days or fewer left.
    expect(deadlineColour('2026-03-13', '2026-03-05', 10, 0.3, calendar)).toBe('green'); // 6 left
    expect(deadlineColour('2026-03-13', '2026-03-10', 10, 0.3, calendar)).toBe('yellow'); // 3 left
    expect(deadlineColour('2026-03-13', '2026-03-13', 10, 0.3, calendar)).toBe('yellow'); // due today
    expect(deadlineColour('2026-03-13', '2026-03-14', 10, 0.3, calendar)).toBe('red');
  });

  it('counts the days left in working days, so a holiday does not turn a case yellow early', () => {
    // From 2-13 to 2-26: 2-14, 2-24, 2-25, 2-26 are working days; 4 left of 10 is still green at 30 %.
    expect(deadlineColour('2026-02-26', '2026-02-13', 10, 0.3, calendar)).toBe('green');
  });
});

describe('the working days left (剩余工作日)', () => {
  it('counts the working days after today up to the deadline, and zero on the day it is due', () => {
    expect(workingDaysLeft('2026-03-13', '2026-03-05', calendar)).toBe(6);
    expect(workingDaysLeft('2026-03-13', '2026-03-13', calendar)).toBe(0);
  });

  it('skips holidays and counts make-up working days', () => {
    // Spring Festival 2026: 2-14 (Sat) and 2-28 (Sat) are make-up working days, 2-15 … 2-23 are off.
    expect(workingDaysLeft('2026-02-26', '2026-02-13', calendar)).toBe(4);
  });

  it('is negative by the working days overdue once the deadline has passed', () => {
    expect(workingDaysLeft('2026-03-13', '2026-03-17', calendar)).toBe(-2);
  });

  it('is unknown for a year whose calendar is not loaded', () => {
    expect(workingDaysLeft('2030-03-13', '2026-03-05', calendar)).toBeNull();
  });
});
