export const NOTICE_POLICY = Symbol('NOTICE_POLICY');

/** When a supervisor must have acknowledged a notice. */
export interface NoticePolicy {
  acknowledgeBy(createdAt: Date): Date;
}

/** A fixed number of hours; working-day deadlines come with the escalation rules. */
export function hoursNoticePolicy(hours: number): NoticePolicy {
  return { acknowledgeBy: (createdAt) => new Date(createdAt.getTime() + hours * 3_600_000) };
}
