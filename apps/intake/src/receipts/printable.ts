import { escapeHtml, printablePage } from '@onewindow/domain';
import type { NoticeDocument, Receipt } from './receipt';

/** Printable Chinese pages (A4, print stylesheet) for the receipt and the one-time notice. */
export function renderReceiptHtml(receipt: Receipt): string {
  const rows = receipt.parts
    .map(
      (part, index) => `<tr>
  <td>${index + 1}</td><td>${escapeHtml(part.itemName)}<div class="code">${escapeHtml(part.itemCode)}</div></td>
  <td>${escapeHtml(part.department)}</td><td>${part.committedWorkingDays}个工作日<br><strong>${escapeHtml(chineseDate(part.promisedDeadline))}前</strong></td>
  <td>${list(part.materialsReceived)}${part.materialsToFollow.length ? `<div class="follow">容缺后补：${part.materialsToFollow.map((m) => `${escapeHtml(m.name)}（${escapeHtml(chineseDate(m.dueDate))}前）`).join('；')}</div>` : ''}${part.materialsPledged.length ? `<div class="pledge">告知承诺：${part.materialsPledged.map(escapeHtml).join('；')}</div>` : ''}</td>
</tr>`,
    )
    .join('\n');
  return page(
    receipt.title,
    `<h1>${escapeHtml(receipt.title)}</h1>
<table class="meta">
  <tr><th>受理编号</th><td class="number">${escapeHtml(receipt.applicationNumber)}</td><th>受理日期</th><td>${escapeHtml(chineseDate(receipt.acceptedOn))}</td></tr>
  <tr><th>申请人</th><td>${escapeHtml(receipt.applicant.name)}</td><th>证件号码</th><td>${escapeHtml(receipt.applicant.identifier)}</td></tr>
  ${receipt.bundle ? `<tr><th>一件事</th><td colspan="3">${escapeHtml(receipt.bundle.name)}</td></tr>` : ''}
  <tr><th>联系电话</th><td>${escapeHtml(receipt.contactPhone ?? '')}</td><th>咨询电话</th><td>${escapeHtml(receipt.centrePhone)}</td></tr>
</table>
<table class="parts">
  <thead><tr><th>序号</th><th>办理事项</th><th>承办部门</th><th>承诺办结时限</th><th>已收材料</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<ol class="notes">${receipt.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ol>
<p class="stamp">（综合窗口受理专用章）</p>`,
  );
}

export function renderNoticeHtml(notice: NoticeDocument): string {
  const rows = notice.lines
    .map(
      (line, index) =>
        `<tr><td>${index + 1}</td><td>${escapeHtml(line.itemName)}</td><td>${escapeHtml(line.materialName)}</td><td>${escapeHtml(line.form)}，${line.copies}份</td><td>${escapeHtml(line.requirement)}</td><td class="problem">${escapeHtml(line.problem)}</td></tr>`,
    )
    .join('\n');
  return page(
    notice.title,
    `<h1>${escapeHtml(notice.title)}</h1>
<table class="meta">
  <tr><th>告知书编号</th><td class="number">${escapeHtml(notice.noticeNumber)}</td><th>申请编号</th><td>${escapeHtml(notice.applicationNumber)}</td></tr>
  <tr><th>申请人</th><td>${escapeHtml(notice.applicant.name)}</td><th>证件号码</th><td>${escapeHtml(notice.applicant.identifier)}</td></tr>
  <tr><th>告知日期</th><td>${escapeHtml(chineseDate(notice.issuedOn))}</td><th>经办人</th><td>${escapeHtml(notice.issuedBy)}</td></tr>
</table>
<p>您申请的事项经审查，尚需补正以下材料：</p>
<table class="parts">
  <thead><tr><th>序号</th><th>办理事项</th><th>材料名称</th><th>形式与份数</th><th>材料要求</th><th>需补正内容</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<ol class="notes">${notice.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ol>
${notice.resolved ? '<p class="resolved">（已补正）</p>' : ''}${notice.withdrawnAt ? `<p class="resolved">（审批部门已撤回补正要求：${escapeHtml(notice.withdrawalReason ?? '')}）</p>` : ''}`,
  );
}

/** What the receipt and the notice add to the platform's print style. */
const RECEIPT_STYLE = `
  .code { color: #555; font-size: 12px; }
  .follow, .pledge { margin-top: 4px; font-size: 13px; }
  .problem { color: #b00; }
  .notes { font-size: 13px; }`;

function page(title: string, body: string): string {
  return printablePage(title, body, RECEIPT_STYLE);
}

function list(values: string[]): string {
  return values.length ? values.map(escapeHtml).join('；') : '—';
}

/** `2026-03-05` → `2026年03月05日` */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : date;
}
