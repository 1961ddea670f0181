import { documentDate, escapeHtml, printablePage } from '@onewindow/domain';
import { STANDING_TEXT, type LicenceStanding } from './licence-verification';

/** 电子证照 as the holder shows it: what a licence says publicly, and where to check it. */
export interface LicenceDocument {
  title: string;
  number: string;
  holder: string;
  holderIdentifier: string;
  itemName: string;
  scope: string;
  validity: string;
  authority: string;
  issuedOn: string;
  standing: LicenceStanding;
  standingText: string;
  verificationUrl: string;
}

export function buildLicenceDocument(
  licence: {
    number: string;
    itemName: string;
    scope: string;
    validFrom: string;
    validUntil: string | null;
    holder: { kind: 'person' | 'organisation'; name: string; identifier: string };
  },
  authority: string,
  standing: LicenceStanding,
  verificationUrl: string,
  maskIdentifier: (id: string) => string,
): LicenceDocument {
  return {
    title: '行政许可证',
    number: licence.number,
    holder: licence.holder.name,
    holderIdentifier: licence.holder.kind === 'person' ? maskIdentifier(licence.holder.identifier) : licence.holder.identifier,
    itemName: licence.itemName,
    scope: licence.scope,
    validity: `${documentDate(licence.validFrom)}至${licence.validUntil ? documentDate(licence.validUntil) : '长期'}`,
    authority,
    issuedOn: documentDate(licence.validFrom),
    standing,
    standingText: STANDING_TEXT[standing],
    verificationUrl,
  };
}

/** The printable licence; `qrSvg` is the QR code of its verification link (an inline SVG, printable offline). */
export function renderLicenceHtml(licence: LicenceDocument, qrSvg: string): string {
  return printablePage(
    `${licence.title} ${licence.number}`,
    `<div class="licence">
<h1>${escapeHtml(licence.title)}</h1>
<p class="number-line">编号：<span class="number">${escapeHtml(licence.number)}</span></p>
${licence.standing === 'valid' ? '' : `<p class="void">本证照${escapeHtml(licence.standingText)}</p>`}
${licenceTable([
  ['持证主体', licence.holder],
  ['证件号码', licence.holderIdentifier],
  ['许可事项', licence.itemName],
  ['许可范围', licence.scope],
  ['有效期限', licence.validity],
  ['发证机关', licence.authority],
  ['发证日期', licence.issuedOn],
])}
<div class="verify"><figure>${qrSvg}<figcaption>扫码核验证照真伪及状态</figcaption></figure>
<p class="url">核验地址：${escapeHtml(licence.verificationUrl)}</p></div>
<p class="stamp">${escapeHtml(licence.authority)}（印章）</p>
</div>`,
    `
  .licence { border: 3px double #8b0000; padding: 24px 32px; }
  .number-line { text-align: center; }
  .void { text-align: center; color: #b00; font-size: 20px; font-weight: bold; }
  .verify { display: flex; align-items: center; gap: 16px; }
  .verify figure { margin: 0; width: 120px; text-align: center; font-size: 12px; }
  .verify svg { width: 120px; height: 120px; }
  .url { font-size: 11px; word-break: break-all; }`,
  );
}

/** The public verification page a phone opens from the QR code: only what the licence itself shows. */
export function renderVerificationHtml(licence: LicenceDocument): string {
  return printablePage(
    `证照核验 ${licence.number}`,
    `<h1>证照核验结果</h1>
<p class="result ${licence.standing}">${escapeHtml(licence.standingText)}</p>
${licenceTable([
  ['证照编号', licence.number],
  ['持证主体', licence.holder],
  ['许可事项', licence.itemName],
  ['许可范围', licence.scope],
  ['有效期限', licence.validity],
  ['发证机关', licence.authority],
])}`,
    `
  .result { text-align: center; font-size: 28px; font-weight: bold; }
  .result.valid { color: #2e7d32; }
  .result.revoked, .result.expired, .result.not-yet-valid { color: #b00; }`,
  );
}

function licenceTable(rows: Array<[string, string]>): string {
  return `<table class="meta">\n${rows.map(([name, value]) => `  <tr><th>${name}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}\n</table>`;
}
