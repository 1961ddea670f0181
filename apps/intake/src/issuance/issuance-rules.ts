import type { Application } from '../applications/application.entity';

/** The fee due at the window: only approved parts are charged (统一收费). */
export function feeDueFen(application: Application): number {
  return application.parts.filter((part) => part.status === 'approved').reduce((sum, part) => sum + part.feeFen, 0);
}

/**
 * Why the result cannot leave the centre yet (统一出件), in the words a clerk reads; empty when
 * it can. The window issues once, when every department has decided, every 容缺 material has
 * arrived and the fee is paid.
 */
export function issuanceBlockers(application: Application): string[] {
  const blockers: string[] = [];
  if (application.status === 'issued') return ['办理结果已发放，不能重复出件'];
  if (application.status !== 'decided') blockers.push('尚有部门未作出审批决定');
  const outstanding = application.parts.flatMap((part) => part.deficiencies.filter((d) => !d.receivedAt).map((d) => d.materialName));
  if (outstanding.length > 0) blockers.push(`容缺材料未补齐（${outstanding.join('、')}），办理结果暂不发放`);
  const due = feeDueFen(application);
  if (due > 0 && !application.payment) blockers.push(`应缴费用${yuan(due)}元尚未缴纳`);
  return blockers;
}

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
