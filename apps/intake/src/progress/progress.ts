import type { ApplicationNotice } from '../applications/application-notice.entity';
import type { Application } from '../applications/application.entity';
import type { ProgressView } from './progress.view';

export type { ProgressView } from './progress.view';

const APPLICATION_STATUS_TEXT: Record<string, string> = {
  draft: '窗口收件，材料审查中',
  submitted: '网上申请预审中',
  'awaiting-supplement': '待补正材料',
  accepted: '审批办理中',
  decided: '已办结，待领取结果',
  issued: '办理结果已发放',
};

const PART_STATUS_TEXT: Record<string, string> = { pending: '办理中', approved: '准予许可', refused: '不予许可' };

/** Does the caller know the applicant? The resident ID / credit code, or the phone on file. */
export function provesApplicant(application: Application, proof: { identifier?: string; phone?: string }): boolean {
  if (proof.identifier && proof.identifier.toUpperCase() === application.applicant.identifier.toUpperCase()) return true;
  const phones = [application.contactPhone, application.applicant.phone].filter(Boolean);
  return Boolean(proof.phone && phones.includes(proof.phone));
}

export function buildProgress(application: Application, notices: ApplicationNotice[]): ProgressView {
  const timeline: ProgressView['timeline'] = [{ at: application.receivedAt.toISOString(), text: '综合窗口收件' }];
  for (const notice of notices) {
    timeline.push({ at: notice.issuedAt.toISOString(), text: `出具一次性告知书（${notice.lines.length}项材料需补正）` });
    if (notice.resolvedAt) timeline.push({ at: notice.resolvedAt.toISOString(), text: '材料已补正' });
  }
  if (application.acceptedAt) timeline.push({ at: application.acceptedAt.toISOString(), text: '已受理，转审批部门办理' });
  if (application.decidedAt) timeline.push({ at: application.decidedAt.toISOString(), text: '全部事项已办结' });
  if (application.issuance) {
    const how = application.issuance.method === 'post' ? `邮寄送达（单号${application.issuance.trackingNumber ?? ''}）` : '窗口领取';
    timeline.push({ at: application.issuance.issuedAt, text: `办理结果已发放：${how}` });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const open = notices.filter((notice) => !notice.resolvedAt).at(-1);
  return {
    applicationNumber: application.number,
    status: application.status,
    statusText: APPLICATION_STATUS_TEXT[application.status] ?? application.status,
    subject: application.bundle?.name ?? application.parts.map((part) => part.itemName).join('、'),
    parts: [...application.parts]
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
      .map((part) => ({
        itemName: part.itemName,
        department: part.departmentName,
        promisedDeadline: part.promisedDeadline,
        handedUp: part.handOff !== null,
        statusText: ['draft', 'submitted', 'awaiting-supplement'].includes(application.status) ? '待受理' : (PART_STATUS_TEXT[part.status] ?? part.status),
      })),
    outstanding: open ? open.lines.map((line) => ({ itemName: line.itemName, materialName: line.materialName, problem: line.problem })) : [],
    timeline,
  };
}
