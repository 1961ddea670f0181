import type { ProgressNotificationKind } from './notification.entity';

export interface MessageFacts {
  applicantName: string;
  applicationNumber: string;
  /** The bundle's name, or the items' names joined. */
  subject: string;
  promisedDeadline?: string | null;
  noticeNumber?: string;
  missingCount?: number;
  outcome?: 'approved' | 'refused' | 'partially-approved' | string | null;
  centre: { name: string; phone: string };
  /** The department's answer to an unfavourable rating. */
  answer?: string;
  /** A revoked licence (撤销许可): which item, its number and why; or why a supplement request was withdrawn. */
  itemName?: string;
  licenceNumber?: string;
  reason?: string;
}

/** The SMS texts an applicant receives; short, in Chinese, with the number to quote. */
export function progressMessage(kind: ProgressNotificationKind, facts: MessageFacts): string {
  const who = `${facts.applicantName}您好：`;
  const sign = `【${facts.centre.name}】`;
  switch (kind) {
    case 'accepted':
      return `${sign}${who}您申请的“${facts.subject}”已受理，受理编号${facts.applicationNumber}${facts.promisedDeadline ? `，承诺${facts.promisedDeadline}前办结` : ''}。可凭受理编号查询办理进度。`;
    case 'notice':
      return `${sign}${who}您申请的“${facts.subject}”（编号${facts.applicationNumber}）尚需补正${facts.missingCount ?? ''}项材料，详见一次性告知书${facts.noticeNumber ?? ''}。补齐后可到综合窗口或网上补交。`;
    case 'decided':
      return `${sign}${who}您申请的“${facts.subject}”（编号${facts.applicationNumber}）已办结${facts.outcome === 'refused' ? '，审批部门作出不予许可决定，详情请到综合窗口领取决定书' : ''}。咨询电话${facts.centre.phone}。`;
    case 'ready-for-pickup':
      return `${sign}${who}您申请的“${facts.subject}”（编号${facts.applicationNumber}）办理结果已可领取，请携带受理回执和身份证件到综合窗口领取。`;
    case 'revoked':
      return `${sign}${who}您取得的“${facts.itemName ?? facts.subject}”许可（证号${facts.licenceNumber ?? ''}，申请编号${facts.applicationNumber}）已被依法撤销，理由：${facts.reason ?? ''}。该证照不再有效，请勿继续使用。对撤销决定不服的，可依法申请行政复议或者提起行政诉讼。咨询电话${facts.centre.phone}。`;
    case 'notice-withdrawn':
      return `${sign}${who}您申请的“${facts.subject}”（编号${facts.applicationNumber}）审批部门已撤回补正要求（一次性告知书${facts.noticeNumber ?? ''}），理由：${facts.reason ?? ''}。您无需补交材料，审批继续办理。`;
    case 'rating-follow-up':
      return `${sign}${who}针对您对“${facts.subject}”的评价，部门答复：${facts.answer ?? ''}。请您再次评价（编号${facts.applicationNumber}）。`;
  }
}
