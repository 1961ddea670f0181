import type { NoticeStatus } from './supervision-notice.entity';

export const NOTICE_POLICY = Symbol('NOTICE_POLICY');

/** When a supervisor must have acknowledged a notice. */
export interface NoticePolicy {
  acknowledgeBy(createdAt: Date): Date;
}

/** A fixed number of hours (NOTICE_ACKNOWLEDGE_HOURS), counted on the clock, nights and weekends included. */
export function hoursNoticePolicy(hours: number): NoticePolicy {
  return { acknowledgeBy: (createdAt) => new Date(createdAt.getTime() + hours * 3_600_000) };
}

/** A pending notice whose deadline has passed goes to the department head; each notice once. */
export function isDueForEscalation(notice: { status: NoticeStatus; acknowledgeBy: Date }, now: Date): boolean {
  return notice.status === 'pending' && notice.acknowledgeBy.getTime() < now.getTime();
}

/** Acknowledged no later than its deadline; an escalated notice acknowledged later is late. */
export function acknowledgedOnTime(acknowledgeBy: Date, acknowledgedAt: Date): boolean {
  return acknowledgedAt.getTime() <= acknowledgeBy.getTime();
}
