import { documentDate, escapeHtml, printablePage } from '@onewindow/domain';

/** The facts of a decided case a decision document (行政许可决定书) is written from. */
export interface DecisionFacts {
  outcome: 'approved' | 'refused';
  decisionNumber: string;
  applicationNumber: string;
  applicant: { kind: 'person' | 'organisation'; name: string; identifier: string };
  itemName: string;
  /** The day the window accepted (受理) the application, in China. */
  acceptedOn: string;
  /** The day of the decision, in China. */
  decidedOn: string;
  /** For a refusal: why, and under which provisions. */
  reason: string | null;
  legalBasis: string | null;
  licence: { number: string; scope: string; validFrom: string; validUntil: string | null } | null;
}

/** The deciding department, with where an applicant may seek a remedy (null where not configured). */
export interface DecidingAuthority {
  name: string;
  reviewAuthority: string | null;
  court: string | null;
  address: string | null;
  phone: string | null;
}

export interface DecisionDocument {
  title: '准予行政许可决定书' | '不予行政许可决定书';
  number: string;
  applicant: string;
  applicantIdentifier: string;
  applicationNumber: string;
  itemName: string;
  /** The decision itself, paragraph by paragraph, as printed. */
  paragraphs: string[];
  /** 救济途径: the remedies the law requires the document to name (行政许可法 第三十八条第二款). */
  remedies: string;
  authority: string;
  dateText: string;
  contact: string | null;
  /** What an administrator still has to configure before the document is complete. */
  incomplete: string[];
}

const PERIOD_FOR_REVIEW = '六十日';
const PERIOD_FOR_LAWSUIT = '六个月';

/**
 * 准予/不予行政许可决定书. A refusal gives its reasons and legal basis and, as 《中华人民共和国
 * 行政许可法》第三十八条第二款 requires, tells the applicant of the right to 行政复议 (within sixty
 * days of receipt, 《中华人民共和国行政复议法》第二十条) or 行政诉讼 (within six months,
 * 《中华人民共和国行政诉讼法》第四十六条), naming the review authority and the court.
 */
export function buildDecisionDocument(
  facts: DecisionFacts,
  authority: DecidingAuthority,
  maskIdentifier: (id: string) => string,
): DecisionDocument {
  const approved = facts.outcome === 'approved';
  const you = facts.applicant.kind === 'organisation' ? '你单位' : '你';
  const filed = `${you}于${documentDate(facts.acceptedOn)}提出的“${facts.itemName}”申请（申请编号：${facts.applicationNumber}），本机关已依法受理。`;
  const paragraphs = approved
    ? [
        `${filed}经审查，申请材料齐全，符合法定形式，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十四条、第三十八条第一款的规定，本机关决定准予行政许可。`,
        ...(facts.licence
          ? [
              `证照编号：${facts.licence.number}；许可范围：${facts.licence.scope}；有效期限：${documentDate(facts.licence.validFrom)}至${facts.licence.validUntil ? documentDate(facts.licence.validUntil) : '长期'}。`,
              `${you}应当在许可范围内从事许可事项，接受有关部门的监督检查；以告知承诺方式取得许可的，经核查承诺不实的，本机关将依法撤销许可。`,
            ]
          : []),
      ]
    : [
        `${filed}经审查，${ensurePeriod(facts.reason ?? '')}`,
        `根据${ensurePeriod(facts.legalBasis ?? '').replace(/。$/, '')}的规定，本机关决定不予行政许可。`,
      ];
  const incomplete = [...(authority.reviewAuthority ? [] : ['行政复议机关未配置']), ...(authority.court ? [] : ['行政诉讼管辖法院未配置'])];
  const remedies =
    `如不服本决定，可以自收到本决定书之日起${PERIOD_FOR_REVIEW}内向${authority.reviewAuthority ?? '依法有管辖权的行政复议机关'}申请行政复议，` +
    `也可以自收到本决定书之日起${PERIOD_FOR_LAWSUIT}内向${authority.court ?? '依法有管辖权的人民法院'}提起行政诉讼` +
    '（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。';
  return {
    title: approved ? '准予行政许可决定书' : '不予行政许可决定书',
    number: facts.decisionNumber,
    applicant: facts.applicant.name,
    applicantIdentifier: facts.applicant.kind === 'person' ? maskIdentifier(facts.applicant.identifier) : facts.applicant.identifier,
    applicationNumber: facts.applicationNumber,
    itemName: facts.itemName,
    paragraphs,
    remedies,
    authority: authority.name,
    dateText: documentDate(facts.decidedOn),
    contact:
      [authority.address && `地址：${authority.address}`, authority.phone && `电话：${authority.phone}`].filter(Boolean).join('　') || null,
    incomplete,
  };
}

function ensurePeriod(text: string): string {
  const trimmed = text.trim();
  return /[。！？]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

export function renderDecisionDocumentHtml(document: DecisionDocument): string {
  return printablePage(
    `${document.title} ${document.number}`,
    `<h1>${escapeHtml(document.authority)}<br>${escapeHtml(document.title)}</h1>
<p class="number-line">${escapeHtml(document.number)}</p>
<p>${escapeHtml(document.applicant)}（证件号码：${escapeHtml(document.applicantIdentifier)}）：</p>
${document.paragraphs.map((paragraph) => `<p class="indent">${escapeHtml(paragraph)}</p>`).join('\n')}
<p class="indent">${escapeHtml(document.remedies)}</p>
<p class="stamp">${escapeHtml(document.authority)}（印章）<br>${escapeHtml(document.dateText)}</p>
${document.contact ? `<p class="contact">${escapeHtml(document.contact)}</p>` : ''}`,
    `
  .number-line { text-align: center; }
  .indent { text-indent: 2em; }
  .contact { font-size: 13px; margin-top: 24px; }`,
  );
}
