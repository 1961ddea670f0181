import { escapeHtml } from '@onewindow/domain';
import { stringify } from 'csv-stringify/sync';
import type { Kpis, Ratio } from './kpis';

/** An overdue case in a monthly report (超期办件). */
export interface OverdueCase {
  applicationNumber: string;
  itemCode: string;
  itemName: string;
  deadline: string;
  /** The decision's date in China, or null while still open. */
  decidedOn: string | null;
  status: string;
}

export interface MonthlyReport {
  month: string;
  department: { code: string; name: string };
  /** Local date the report was produced. */
  producedOn: string;
  kpis: Kpis;
  /** The same KPIs for each item the department handled that month. */
  items: Array<{ itemCode: string; itemName: string; kpis: Kpis }>;
  overdue: OverdueCase[];
}

/** The rates of a report, in the order they are printed, with their Chinese names. */
export const REPORTED_RATES: Array<[keyof Kpis, string]> = [
  ['completionRate', '办结率'],
  ['onTimeRate', '按时办结率'],
  ['promiseCompressionRate', '承诺时限压缩率'],
  ['onlineRate', '网上办理率'],
  ['oneWindowRate', '一窗受理率'],
  ['zeroVisitRate', '零跑动率'],
  ['atMostOneVisitRate', '最多跑一次率'],
  ['satisfactionRate', '满意率'],
  ['rectificationRate', '差评整改率'],
  ['noticePushedOnTimeRate', '审管互动推送及时率'],
  ['noticeAcknowledgedRate', '审管互动认领率'],
  ['noticeAcknowledgedOnTimeRate', '审管互动按时认领率'],
  ['autoFillRate', '申请表自动调取率'],
  ['refusalRate', '不予许可率'],
  ['revocationRate', '撤销率'],
  ['toleranceRate', '容缺受理率'],
  ['pledgeRate', '告知承诺率'],
  ['windowNoticeRate', '一次性告知（窗口补正）率'],
  ['supplementRequestRate', '退回补正率'],
];

const STATUS_NAMES: Record<string, string> = { open: '在办', approved: '准予许可', refused: '不予许可' };

function percent(rate: Ratio): string {
  return rate.value === null ? '—' : `${(rate.value * 100).toFixed(1)}%`;
}

type CsvRow = Array<string | number>;

/**
 * A manager opens the report in a spreadsheet program, which runs a cell starting with =, +, -, @,
 * a tab or a carriage return as a formula: names typed by people (items, departments) could carry
 * one (CSV injection, OWASP). csv-stringify neutralises them with a leading apostrophe.
 */
function renderCsv(rows: CsvRow[]): string {
  return stringify(rows, { bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });
}

/** CSV (CRLF) with a byte-order mark, so spreadsheet programs read the Chinese correctly. */
export function renderReportCsv(report: MonthlyReport): string {
  const k = report.kpis;
  const rows: CsvRow[] = [
    ['月份', report.month, '部门', `${report.department.name}（${report.department.code}）`],
    [],
    ['指标', '分子', '分母', '数值'],
    ['受理办件数', k.cases, '', k.cases],
    ['办结件数', k.decided, '', k.decided],
    ['在办件数', k.open, '', k.open],
    ...REPORTED_RATES.map(([key, name]) => {
      const rate = k[key] as Ratio;
      return [name, rate.numerator, rate.denominator, rate.value === null ? '' : rate.value];
    }),
    ['平均跑动次数', k.visitsPerCase.numerator, k.visitsPerCase.denominator, k.visitsPerCase.value ?? ''],
    ['督办（超时未认领）', k.noticesEscalated, k.notices, k.noticesEscalated],
    [],
    ['事项编码', '事项名称', '受理', '办结', '按时办结率', '网上办理率', '满意率'],
    ...report.items.map((item) => [
      item.itemCode,
      item.itemName,
      item.kpis.cases,
      item.kpis.decided,
      item.kpis.onTimeRate.value ?? '',
      item.kpis.onlineRate.value ?? '',
      item.kpis.satisfactionRate.value ?? '',
    ]),
    [],
    ['超期办件', '受理编号', '事项编码', '事项名称', '办理期限', '办结日期', '状态'],
    ...report.overdue.map((c, i) => [
      i + 1,
      c.applicationNumber,
      c.itemCode,
      c.itemName,
      c.deadline,
      c.decidedOn ?? '',
      STATUS_NAMES[c.status] ?? c.status,
    ]),
  ];
  return renderCsv(rows);
}

/** Horizontal bars as inline SVG (prints without any external asset); `share` is the bar's length from 0 to 1. */
export function barsSvg(rows: Array<{ name: string; share: number; label: string }>, ariaLabel: string): string {
  const rowHeight = 26;
  const labelWidth = 170;
  const barWidth = 360;
  const height = rows.length * rowHeight + 10;
  const bars = rows
    .map(({ name, share, label }, i) => {
      const y = i * rowHeight + 5;
      const colour = share >= 0.9 ? '#2e7d32' : share >= 0.6 ? '#f9a825' : '#c62828';
      return [
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="13">${escapeHtml(name)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="16" fill="#eef1f5"/>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${Math.round(share * barWidth)}" height="16" fill="${colour}"/>`,
        `<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="13">${escapeHtml(label)}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 70}" height="${height}" role="img" aria-label="${escapeHtml(ariaLabel)}">\n${bars}\n</svg>`;
}

/** One bar per rate, its length the rate (an empty rate is an empty bar with a dash). */
export function rateBarsSvg(rates: Array<{ name: string; rate: Ratio }>): string {
  return barsSvg(
    rates.map(({ name, rate }) => ({ name, share: rate.value ?? 0, label: percent(rate) })),
    '主要指标柱状图',
  );
}

/** One bar per item, its length the item's cases against the busiest item's. */
export function itemBarsSvg(items: MonthlyReport['items']): string {
  const most = Math.max(1, ...items.map((item) => item.kpis.cases));
  return barsSvg(
    items.map((item) => ({ name: item.itemName, share: item.kpis.cases / most, label: `${item.kpis.cases}件` })),
    '各事项办件量柱状图',
  );
}

/** The printable Chinese monthly report (电子监察月报), self-contained: inline CSS and SVG only. */
export function renderReportHtml(report: MonthlyReport): string {
  const k = report.kpis;
  const [year, month] = report.month.split('-');
  const title = `${report.department.name}${year}年${Number(month)}月政务服务电子监察月报`;
  const rateRows = REPORTED_RATES.map(([key, name]) => {
    const rate = k[key] as Ratio;
    return `<tr><td>${name}</td><td>${rate.numerator}</td><td>${rate.denominator}</td><td>${percent(rate)}</td></tr>`;
  }).join('\n');
  const overdueRows =
    report.overdue.length === 0
      ? '<tr><td colspan="7">本月无超期办件</td></tr>'
      : report.overdue
          .map(
            (c, i) =>
              `<tr><td>${i + 1}</td><td>${escapeHtml(c.applicationNumber)}</td><td>${escapeHtml(c.itemCode)}</td><td>${escapeHtml(c.itemName)}</td><td>${c.deadline}</td><td>${c.decidedOn ?? '—'}</td><td>${STATUS_NAMES[c.status] ?? escapeHtml(c.status)}</td></tr>`,
          )
          .join('\n');
  const itemRows = report.items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.itemCode)}</td><td>${escapeHtml(item.itemName)}</td><td>${item.kpis.cases}</td><td>${item.kpis.decided}</td><td>${percent(item.kpis.onTimeRate)}</td><td>${percent(item.kpis.satisfactionRate)}</td></tr>`,
    )
    .join('\n');
  const chart = rateBarsSvg(REPORTED_RATES.map(([key, name]) => ({ name, rate: k[key] as Ratio })));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; margin: 24px auto; max-width: 780px; color: #222; }
h1 { font-size: 22px; text-align: center; }
h2 { font-size: 17px; border-left: 4px solid #b71c1c; padding-left: 8px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: center; }
th { background: #f2f2f2; }
.meta { text-align: center; color: #555; font-size: 13px; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">部门代码：${escapeHtml(report.department.code)}　统计月份：${report.month}　生成日期：${report.producedOn}</p>
<h2>一、办件概况</h2>
<table>
<tr><th>受理办件</th><th>已办结</th><th>在办</th><th>超期办件</th><th>平均跑动次数</th><th>督办（超时未认领）</th></tr>
<tr><td>${k.cases}</td><td>${k.decided}</td><td>${k.open}</td><td>${report.overdue.length}</td><td>${k.visitsPerCase.value ?? '—'}</td><td>${k.noticesEscalated}</td></tr>
</table>
<h2>二、主要指标</h2>
${chart}
<table>
<tr><th>指标</th><th>分子</th><th>分母</th><th>数值</th></tr>
${rateRows}
</table>
<h2>三、分事项情况</h2>
${report.items.length === 0 ? '<p>本月无办件</p>' : itemBarsSvg(report.items)}
<table>
<tr><th>事项编码</th><th>事项名称</th><th>受理</th><th>办结</th><th>按时办结率</th><th>满意率</th></tr>
${itemRows}
</table>
<h2>四、超期办件明细</h2>
<table>
<tr><th>序号</th><th>受理编号</th><th>事项编码</th><th>事项名称</th><th>办理期限</th><th>办结日期</th><th>状态</th></tr>
${overdueRows}
</table>
</body>
</html>
`;
}
