import type { ApplicationPart, ApplicationView } from '@/api/intake';

/** How an application's state looks at the window: the tag colour of its status. */
export function statusTagType(status: string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  if (status === 'awaiting-supplement') return 'warning';
  if (status === 'accepted') return 'primary';
  if (status === 'decided') return 'success';
  if (status === 'issued') return 'info';
  return 'info';
}

/** 统一收费: the fee due is that of the approved parts. */
export function feeDue(application: ApplicationView): number {
  return application.parts.filter((part) => part.status === 'approved').reduce((sum, part) => sum + part.feeFen, 0);
}

/** 容缺 materials not handed in yet: the result is withheld until they arrive. */
export function outstandingDeficiencies(part: ApplicationPart): ApplicationPart['deficiencies'] {
  return part.deficiencies.filter((deficiency) => deficiency.receivedAt === null);
}

/** What still stands between a decided application and 统一出件, in the words of the window. */
export function issuanceBlockers(application: ApplicationView): string[] {
  const blockers: string[] = [];
  if (application.status !== 'decided') blockers.push('尚未全部办结');
  const waiting = application.parts.flatMap((part) => outstandingDeficiencies(part).map((d) => d.materialName));
  if (waiting.length > 0) blockers.push(`容缺材料未补交：${waiting.join('、')}`);
  if (feeDue(application) > 0 && !application.payment) blockers.push('尚未缴费');
  return blockers;
}
