import { addDays, type LocalDate, type WorkingDayCalendar } from '@onewindow/domain';

/**
 * 特别程序: procedures that stop the clock, with the reason the applicant is told. `supplement`
 * is the pause while the applicant completes the file at the department's request (补正).
 */
export const SPECIAL_PROCEDURES = ['hearing', 'site-inspection', 'testing', 'expert-review', 'supplement'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

export const SPECIAL_PROCEDURE_NAMES: Record<SpecialProcedure, string> = {
  hearing: '听证',
  'site-inspection': '现场勘察',
  testing: '检验检测',
  'expert-review': '专家评审',
  supplement: '补正材料',
};

export interface Suspension {
  id: string;
  procedure: SpecialProcedure;
  /** First day the clock stands still. */
  startOn: LocalDate;
  /** Last day the clock stands still; null while the procedure runs. */
  endOn: LocalDate | null;
  reason: string;
}

export type ExtensionStatus = 'requested' | 'approved' | 'rejected';

/** 延期: more working days, counted only once approved. */
export interface Extension {
  id: string;
  workingDays: number;
  reason: string;
  status: ExtensionStatus;
}

/** Everything the deadline is computed from; the deadline itself is never stored by hand. */
export interface DeadlineLedger {
  /** The day the case was accepted; it is not counted (Civil Code art. 201). */
  startOn: LocalDate;
  /** The promised working days (承诺时限), or the shorter green-channel target. */
  workingDays: number;
  suspensions: readonly Suspension[];
  extensions: readonly Extension[];
}

export type DeadlineComputation =
  | {
      ok: true;
      /** The last working day the case may be decided on; a projection while the clock is stopped. */
      deadline: LocalDate;
      /** Whether a special procedure is running now (the deadline moves each working day it lasts). */
      suspended: boolean;
      suspendedSince: LocalDate | null;
      suspendedWorkingDays: number;
      extendedWorkingDays: number;
    }
  | { ok: false; code: 'CALENDAR_YEAR_MISSING'; year: number; message: string };

export interface LedgerProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * The deadline from the ledger: walk the calendar from the start, counting working days that no
 * suspension covers, until the promised days plus approved extensions are used up. A suspension
 * still running is treated as ending `asOf`, so the projection moves day by day while it lasts.
 */
export function computeDeadline(ledger: DeadlineLedger, calendar: WorkingDayCalendar, asOf: LocalDate): DeadlineComputation {
  const extendedWorkingDays = ledger.extensions.filter((e) => e.status === 'approved').reduce((sum, e) => sum + e.workingDays, 0);
  const running = ledger.suspensions.find((s) => s.endOn === null) ?? null;
  const intervals = ledger.suspensions.map((s) => ({ from: s.startOn, to: s.endOn ?? maxDate(asOf, s.startOn) }));
  let date = ledger.startOn;
  let counted = 0;
  let suspendedWorkingDays = 0;
  const isSuspended = (day: LocalDate) => intervals.some((i) => i.from <= day && day <= i.to);
  // A same-day item (即办件, zero days) that was suspended is due on the first working day after.
  const needed = ledger.workingDays + extendedWorkingDays || (intervals.length > 0 ? 1 : 0);
  while (counted < needed) {
    date = addDays(date, 1);
    const working = calendar.isWorkingDay(date);
    if (working === undefined) return missingYear(Number(date.slice(0, 4)));
    if (!working) continue;
    if (isSuspended(date)) suspendedWorkingDays += 1;
    else counted += 1;
  }
  return {
    ok: true,
    deadline: date,
    suspended: running !== null,
    suspendedSince: running?.startOn ?? null,
    suspendedWorkingDays,
    extendedWorkingDays,
  };
}

/** A new suspension must lie after acceptance, carry a reason and overlap no other one. */
export function checkSuspension(ledger: DeadlineLedger, candidate: Omit<Suspension, 'id'>, today: LocalDate): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  if (!candidate.reason.trim()) {
    problems.push({ path: 'reason', code: 'SUSPENSION_REASON_REQUIRED', message: '中止计时必须写明告知申请人的理由' });
  }
  if (candidate.startOn < ledger.startOn) {
    problems.push({ path: 'startOn', code: 'SUSPENSION_BEFORE_ACCEPTANCE', message: `特别程序不能早于受理日（${ledger.startOn}）开始` });
  }
  if (candidate.startOn > today) {
    problems.push({ path: 'startOn', code: 'SUSPENSION_IN_FUTURE', message: '特别程序开始后才能中止计时，开始日期不能晚于今天' });
  }
  if (candidate.endOn !== null && candidate.endOn < candidate.startOn) {
    problems.push({ path: 'endOn', code: 'SUSPENSION_ENDS_BEFORE_START', message: '特别程序结束日期不能早于开始日期' });
  }
  const candidateEnd = candidate.endOn ?? '9999-12-31';
  const overlapping = ledger.suspensions.find((s) => s.startOn <= candidateEnd && candidate.startOn <= (s.endOn ?? '9999-12-31'));
  if (overlapping) {
    problems.push({
      path: 'startOn',
      code: 'SUSPENSION_OVERLAPS',
      message: `与已登记的${SPECIAL_PROCEDURE_NAMES[overlapping.procedure]}（${overlapping.startOn}至${overlapping.endOn ?? '今'}）时间重叠，同一时段只能中止一次`,
    });
  }
  return problems;
}

/** Ending a running suspension: not before it started, not in the future. */
export function checkSuspensionEnd(suspension: Suspension, endOn: LocalDate, today: LocalDate): LedgerProblem[] {
  if (suspension.endOn !== null) {
    return [{ path: 'endOn', code: 'SUSPENSION_ALREADY_ENDED', message: `该特别程序已于${suspension.endOn}结束` }];
  }
  if (endOn < suspension.startOn) {
    return [{ path: 'endOn', code: 'SUSPENSION_ENDS_BEFORE_START', message: '特别程序结束日期不能早于开始日期' }];
  }
  if (endOn > today) {
    return [{ path: 'endOn', code: 'SUSPENSION_END_IN_FUTURE', message: '结束日期不能晚于今天' }];
  }
  return [];
}

export const DEADLINE_COLOURS = ['green', 'yellow', 'red'] as const;
export type DeadlineColour = (typeof DEADLINE_COLOURS)[number];

/**
 * 红绿灯: red once the deadline has passed; yellow when the working days left are within
 * `yellowShare` of the promised days; green otherwise. While suspended the deadline moves with
 * the days, so the colour holds.
 */
export function deadlineColour(
  deadline: LocalDate,
  today: LocalDate,
  promisedWorkingDays: number,
  yellowShare: number,
  calendar: WorkingDayCalendar,
): DeadlineColour {
  if (today > deadline) return 'red';
  const left = calendar.workingDaysBetween(today, deadline);
  // A year with no calendar is far ahead: plenty of time left.
  if (!left.ok) return 'green';
  return left.days <= Math.floor(promisedWorkingDays * yellowShare) ? 'yellow' : 'green';
}

/**
 * 剩余工作日: the working days after today up to the deadline (0 on the day it is due), negative
 * by the working days overdue once it has passed; null for a year whose calendar is not loaded.
 */
export function workingDaysLeft(deadline: LocalDate, today: LocalDate, calendar: WorkingDayCalendar): number | null {
  if (today > deadline) {
    const overdue = calendar.workingDaysBetween(deadline, today);
    return overdue.ok ? -overdue.days : null;
  }
  const left = calendar.workingDaysBetween(today, deadline);
  return left.ok ? left.days : null;
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

function missingYear(year: number): Extract<DeadlineComputation, { ok: false }> {
  return {
    ok: false,
    code: 'CALENDAR_YEAR_MISSING',
    year,
    message: `${year}年的节假日安排尚未载入，无法计算办理期限，请联系管理员载入该年度日历`,
  };
}
