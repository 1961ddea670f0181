import { localDateInShanghai } from '@onewindow/domain';
import type { ApplicationPart } from '../applications/application-part.entity';
import type { Application } from '../applications/application.entity';
import { chineseDate } from '../receipts/printable';

/** Why the result cannot leave the centre yet, with a code the console can act on. */
export interface IssuanceBlocker {
  code: 'ALREADY_ISSUED' | 'NOT_DECIDED' | 'DEFICIENCY_OUTSTANDING' | 'FEE_UNPAID' | 'LICENCE_REVOKED';
  message: string;
}

/** A part whose licence was revoked: its result is withheld, never handed out. */
export function isRevoked(part: ApplicationPart): boolean {
  return part.status === 'approved' && part.revocation !== null;
}

/** The fee due at the window: only approved parts are charged (统一收费), and never a revoked licence. */
export function feeDueFen(application: Application): number {
  return application.parts.filter((part) => part.status === 'approved' && !isRevoked(part)).reduce((sum, part) => sum + part.feeFen, 0);
}

/**
 * Why the result cannot leave the centre yet (统一出件), in the words a clerk reads; empty when
 * it can. The window issues once, when every department has decided, every 容缺 material has
 * arrived and the fee is paid. A revoked licence is withheld; when nothing else is left to hand
 * out (a refusal's decision document is something to hand out), issuance is refused.
 */
export function issuanceBlockers(application: Application): IssuanceBlocker[] {
  const blockers: IssuanceBlocker[] = [];
  if (application.status === 'issued') return [{ code: 'ALREADY_ISSUED', message: '办理结果已发放，不能重复出件' }];
  if (application.status !== 'decided') blockers.push({ code: 'NOT_DECIDED', message: '尚有部门未作出审批决定' });
  const revoked = application.parts.filter(isRevoked);
  if (revoked.length > 0 && revoked.length === application.parts.length) {
    blockers.push({ code: 'LICENCE_REVOKED', message: revoked.map(revocationText).join('；') });
  }
  const outstanding = application.parts.flatMap((part) => part.deficiencies.filter((d) => !d.receivedAt).map((d) => d.materialName));
  if (outstanding.length > 0)
    blockers.push({ code: 'DEFICIENCY_OUTSTANDING', message: `容缺材料未补齐（${outstanding.join('、')}），办理结果暂不发放` });
  const due = feeDueFen(application);
  if (due > 0 && !application.payment) blockers.push({ code: 'FEE_UNPAID', message: `应缴费用${yuan(due)}元尚未缴纳` });
  return blockers;
}

/** 「食品经营许可」的许可（证号…）已于2026年03月20日撤销：理由。证照不予发放 */
export function revocationText(part: ApplicationPart): string {
  const revocation = part.revocation;
  if (!revocation) return '';
  const on = chineseDate(localDateInShanghai(new Date(revocation.revokedAt)));
  return `“${part.itemName}”的许可（证号${revocation.licenceNumber}）已于${on}撤销，理由：${revocation.reason}。证照不予发放`;
}

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
