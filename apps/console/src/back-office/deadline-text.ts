import { labelOf, SPECIAL_PROCEDURE_LABELS } from '@/shared/labels';

/** 剩余工作日 as an approver reads it. */
export function daysLeftText(workingDaysLeft: number | null | undefined, suspendedFor: string | null): string {
  if (suspendedFor) return `暂停计时（${labelOf(SPECIAL_PROCEDURE_LABELS, suspendedFor)}）`;
  if (workingDaysLeft === null || workingDaysLeft === undefined) return '—';
  if (workingDaysLeft < 0) return `超期 ${-workingDaysLeft} 个工作日`;
  if (workingDaysLeft === 0) return '今日到期';
  return `剩 ${workingDaysLeft} 个工作日`;
}
