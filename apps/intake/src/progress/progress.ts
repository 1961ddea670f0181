import { dateTimeInShanghai } from '@onewindow/domain';
import type { ApplicationNotice } from '../applications/application-notice.entity';
import type { ApplicationPart } from '../applications/application-part.entity';
import type { Application } from '../applications/application.entity';
import { RATING_TEXT, type Rating, type Rectification } from '../ratings/rating.entity';
import { CENTRE } from '../receipts/receipt';
import type { MyApplicationView, ProgressView } from './progress.view';

export type { MyApplicationView, ProgressView } from './progress.view';

const APPLICATION_STATUS_TEXT: Record<string, string> = {
  draft: '窗口收件，材料审查中',
  submitted: '网上申请预审中',
  'awaiting-supplement': '待补正材料',
  accepted: '审批办理中',
  decided: '已办结，待领取结果',
  issued: '办理结果已发放',
};

const PART_STATUS_TEXT: Record<string, string> = { pending: '办理中', approved: '准予许可', refused: '不予许可' };

/** What the applicant proves they are with: the resident ID / credit code, the phone on file, or its last 4 digits. */
export interface ApplicantProof {
  identifier?: string;
  phone?: string;
  /** 手机号码后4位: enough on a phone screen, with the application number (掌上办件查询). */
  phoneTail?: string;
}

/** Does the caller know the applicant? */
export function provesApplicant(application: Application, proof: ApplicantProof): boolean {
  if (proof.identifier && proof.identifier.toUpperCase() === application.applicant.identifier.toUpperCase()) return true;
  const phones = [application.contactPhone, application.applicant.phone].filter((phone): phone is string => Boolean(phone));
  if (proof.phone && phones.includes(proof.phone)) return true;
  const tail = proof.phoneTail;
  return Boolean(tail && /^\d{4}$/.test(tail) && phones.some((phone) => phone.endsWith(tail)));
}

/** 好差评 of one application: its ratings (oldest first) and its latest rectification. */
export interface ApplicationFeedback {
  ratings: Rating[];
  rectification: Rectification | null;
}

const RECTIFICATION_TEXT: Record<string, string> = { open: '部门整改中', answered: '部门已答复，请再次评价', closed: '整改已办结' };

export function buildProgress(
  application: Application,
  notices: ApplicationNotice[],
  feedback: ApplicationFeedback = { ratings: [], rectification: null },
): ProgressView {
  const online = application.receivedVia === 'online';
  const timeline: ProgressView['timeline'] = [
    { at: application.receivedAt.toISOString(), text: online ? '网上申报已提交，等待窗口预审' : '综合窗口收件' },
  ];
  for (const notice of notices) {
    timeline.push({ at: notice.issuedAt.toISOString(), text: `出具一次性告知书（${notice.lines.length}项材料需补正）` });
    if (notice.resolvedAt) timeline.push({ at: notice.resolvedAt.toISOString(), text: '材料已补正' });
    if (notice.withdrawnAt)
      timeline.push({ at: notice.withdrawnAt.toISOString(), text: `审批部门撤回补正要求：${notice.withdrawalReason ?? ''}` });
  }
  if (application.acceptedAt)
    timeline.push({
      at: application.acceptedAt.toISOString(),
      text: online ? '网上预审通过，已受理，转审批部门办理' : '已受理，转审批部门办理',
    });
  if (application.decidedAt) timeline.push({ at: application.decidedAt.toISOString(), text: '全部事项已办结' });
  for (const part of application.parts) {
    if (part.revocation)
      timeline.push({
        at: part.revocation.revokedAt,
        text: `许可已撤销：${part.itemName}（证号${part.revocation.licenceNumber}），理由：${part.revocation.reason}`,
      });
  }
  if (application.issuance) {
    const how = application.issuance.method === 'post' ? `邮寄送达（单号${application.issuance.trackingNumber ?? ''}）` : '窗口领取';
    timeline.push({ at: application.issuance.issuedAt, text: `办理结果已发放：${how}` });
  }
  timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // The applicant reads China time, not UTC.
  for (const entry of timeline) entry.at = dateTimeInShanghai(entry.at);
  const open = notices.filter((notice) => !notice.resolvedAt && !notice.withdrawnAt).at(-1);
  return {
    applicationNumber: application.number,
    status: application.status,
    statusText: applicationStatusText(application),
    subject: application.bundle?.name ?? application.parts.map((part) => part.itemName).join('、'),
    parts: [...application.parts]
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
      .map((part) => ({
        itemName: part.itemName,
        department: part.departmentName,
        promisedDeadline: part.promisedDeadline,
        handedUp: part.handOff !== null,
        statusText: partStatusText(application, part),
        reason: partReason(part),
      })),
    outstanding: open
      ? open.lines.map((line) => ({ itemName: line.itemName, materialName: line.materialName, problem: line.problem }))
      : [],
    timeline,
    collection: collectionText(application),
    canRate: mayRate(application, feedback),
    ratings: feedback.ratings.map((rating) => ({
      at: dateTimeInShanghai(rating.createdAt.toISOString()),
      level: rating.level,
      levelText: RATING_TEXT[rating.level] ?? String(rating.level),
      department: rating.departmentName,
      comment: rating.comment,
      followUp: rating.followUpOf !== null,
    })),
    rectification: feedback.rectification
      ? {
          department: feedback.rectification.departmentName,
          statusText: RECTIFICATION_TEXT[feedback.rectification.status] ?? feedback.rectification.status,
          dueDate: feedback.rectification.dueDate,
          answer: feedback.rectification.answer,
          answeredAt: feedback.rectification.answeredAt ? dateTimeInShanghai(feedback.rectification.answeredAt.toISOString()) : null,
        }
      : null,
  };
}

/** Where and when to collect the results, once they are ready and not yet handed out (统一出件). */
export function collectionText(application: Application): string | null {
  if (application.status !== 'decided') return null;
  return `请于${CENTRE.hours}，持受理回执和有效身份证件到${CENTRE.name}领取办理结果（地址：${CENTRE.address}）；也可致电 ${CENTRE.phone} 申请邮寄送达。`;
}

/** 一事一评: once the results are out, one rating; after a department answered a bad one, one more. */
function mayRate(application: Application, feedback: ApplicationFeedback): boolean {
  if (application.status !== 'issued') return false;
  if (feedback.rectification?.status === 'answered') return true;
  return !feedback.ratings.some((rating) => rating.followUpOf === null);
}

function partStatusText(application: Application, part: ApplicationPart): string {
  if (['draft', 'submitted', 'awaiting-supplement'].includes(application.status)) return '待受理';
  if (part.revocation) return '许可已撤销';
  if (part.status === 'pending' && part.supplementRequest) return '退回补正，待补交材料';
  return PART_STATUS_TEXT[part.status] ?? part.status;
}

/** What the applicant must know about a part's state: why it was revoked, refused, or returned for supplement. */
function partReason(part: ApplicationPart): string | null {
  if (part.revocation) return part.revocation.reason;
  if (part.status === 'refused') return part.decisionReason;
  if (part.status === 'pending' && part.supplementRequest) return part.supplementRequest.reason;
  return null;
}

function applicationStatusText(application: Application): string {
  if (application.status === 'decided' && application.parts.every((part) => part.revocation)) return '许可已撤销，办理结果不予发放';
  if (application.status === 'accepted' && application.parts.some((part) => part.status === 'pending' && part.supplementRequest)) {
    return '审批部门退回补正，请按一次性告知书补交材料';
  }
  return APPLICATION_STATUS_TEXT[application.status] ?? application.status;
}

/**
 * 我的申报: one of the signed-in applicant's applications, its progress with how it came in and,
 * online, where its pre-review (网上预审) stands.
 */
export function buildMyApplication(
  application: Application,
  notices: ApplicationNotice[],
  feedback?: ApplicationFeedback,
): MyApplicationView {
  return {
    ...buildProgress(application, notices, feedback),
    receivedVia: application.receivedVia,
    receivedAt: dateTimeInShanghai(application.receivedAt.toISOString()),
    preReview: preReviewText(application, notices),
  };
}

/** Where an online submission's pre-review stands; null for one filed at a window. */
export function preReviewText(application: Application, notices: ApplicationNotice[]): string | null {
  if (application.receivedVia !== 'online') return null;
  if (application.status === 'submitted') return '待预审';
  if (application.acceptedAt) return '预审通过，已受理';
  if (notices.some((notice) => !notice.resolvedAt && !notice.withdrawnAt)) return '预审未通过，请按一次性告知书补正材料';
  return '预审中';
}
