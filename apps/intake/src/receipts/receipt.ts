import { localDateInShanghai } from '@onewindow/domain';
import type { ApplicationNotice } from '../applications/application-notice.entity';
import type { Application } from '../applications/application.entity';
import type { MaterialForm } from '../catalogue/catalogue-document';
import type { NoticeView, ReceiptView } from './receipt.view';

/** 受理回执: what the applicant takes home after acceptance. */
export type Receipt = ReceiptView;

export const CENTRE = {
  name: '东昌府区政务服务中心',
  phone: '0635-12345',
  /** Where results are collected (统一出件) and when the windows are open. */
  address: '聊城市东昌府区东昌东路16号 政务服务中心一楼综合出件窗口',
  hours: '工作日 上午9:00—12:00、下午13:30—17:00',
};

/** Builds the receipt of an accepted application; `null` while it is not accepted. */
export function buildReceipt(application: Application, maskIdentifier: (identifier: string) => string): Receipt | null {
  if (!application.acceptedAt) return null;
  const acceptedAt = application.acceptedAt;
  const parts = [...application.parts].sort((a, b) => a.itemCode.localeCompare(b.itemCode));
  const notes = ['办理时限按工作日计算，受理当日不计入；法定节假日顺延，调休上班日计入。'];
  if (parts.some((part) => part.deficiencies.length > 0)) {
    notes.push('容缺受理：请在补交期限前补齐所列材料，材料补齐前办理结果暂不发放。');
  }
  if (parts.some((part) => part.pledges.length > 0)) {
    notes.push('告知承诺：您已书面承诺符合相关条件，监管部门将进行核查；承诺不实的将依法撤销许可并记入信用记录。');
  }
  return {
    title: `${CENTRE.name}受理回执`,
    applicationNumber: application.number,
    applicant: { name: application.applicant.name, identifier: shownIdentifier(application, maskIdentifier) },
    bundle: application.bundle ? { code: application.bundle.code, name: application.bundle.name } : null,
    acceptedAt: acceptedAt.toISOString(),
    acceptedOn: localDateInShanghai(acceptedAt),
    parts: parts.map((part) => ({
      itemCode: part.itemCode,
      itemName: part.itemName,
      department: part.departmentName,
      promisedDeadline: part.promisedDeadline ?? '',
      committedWorkingDays: part.committedWorkingDays,
      materialsReceived: part.received.map((m) => m.materialName),
      materialsToFollow: part.deficiencies.filter((d) => !d.receivedAt).map((d) => ({ name: d.materialName, dueDate: d.dueDate })),
      materialsPledged: part.pledges.map((p) => p.materialName),
    })),
    contactPhone: application.contactPhone,
    centrePhone: CENTRE.phone,
    notes,
  };
}

/** 一次性告知书: every missing or faulty material, with what it must be. */
export type NoticeDocument = NoticeView;

const FORM_TEXT: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件和复印件',
  electronic: '电子材料',
};

export function buildNotice(
  application: Application,
  notice: ApplicationNotice,
  maskIdentifier: (identifier: string) => string,
): NoticeDocument {
  return {
    title: `${CENTRE.name}一次性告知书`,
    noticeNumber: notice.number,
    applicationNumber: application.number,
    applicant: { name: application.applicant.name, identifier: shownIdentifier(application, maskIdentifier) },
    issuedAt: notice.issuedAt.toISOString(),
    issuedOn: localDateInShanghai(notice.issuedAt),
    issuedBy: notice.issuedByName,
    lines: notice.lines.map((line) => ({
      itemName: line.itemName,
      materialName: line.materialName,
      form: FORM_TEXT[line.form],
      copies: line.copies,
      requirement: line.requirement,
      problem: line.problem,
    })),
    resolved: notice.resolvedAt !== null,
    withdrawnAt: notice.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: notice.withdrawalReason,
    notes: [
      '以上为您本次申请需要补正的全部材料，请一次性补齐后携带本告知书到综合窗口办理，或在网上补交。',
      `如有疑问请致电 ${CENTRE.phone}。`,
    ],
  };
}

/** Resident ID numbers are masked on paper; credit codes identify organisations and are public. */
function shownIdentifier(application: Application, maskIdentifier: (identifier: string) => string): string {
  return application.applicant.kind === 'person' ? maskIdentifier(application.applicant.identifier) : application.applicant.identifier;
}
