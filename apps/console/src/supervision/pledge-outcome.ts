import type { PledgeVerification } from '@/api/supervision';

/**
 * 告知承诺核查 as the supervisor reads the result: a true pledge closes the task; a false one
 * (承诺不实) asks the issuing department to revoke the licence and lists the holder as 严重失信.
 */
export function pledgeOutcome(task: Pick<PledgeVerification, 'status' | 'licenceNumber' | 'revocationRequestId' | 'recordId'>): string {
  if (task.status === 'open') return '待核查';
  if (task.status === 'verified') return '承诺属实，核查完毕';
  const consequences = [
    task.revocationRequestId ? `已提请发证部门撤销许可证 ${task.licenceNumber}` : `应撤销许可证 ${task.licenceNumber}`,
    task.recordId ? '已将持证主体列入严重失信名单' : '',
  ].filter(Boolean);
  return `承诺不实：${consequences.join('；')}`;
}

/** Days until the verification is due (negative once overdue), counted in China calendar days. */
export function daysUntilDue(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function dueText(task: Pick<PledgeVerification, 'status' | 'dueOn'>, today: string): string {
  if (task.status !== 'open') return '—';
  const days = daysUntilDue(task.dueOn, today);
  if (days < 0) return `逾期 ${-days} 天`;
  if (days === 0) return '今日到期';
  return `剩 ${days} 天`;
}
