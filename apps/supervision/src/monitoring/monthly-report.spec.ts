import { computeKpis } from './kpis';
import { rateBarsSvg, renderReportCsv, renderReportHtml, type MonthlyReport } from './monthly-report';
import { aCaseFact, aRatingFact } from './testing/fact-builders';

function aReport(overrides: Partial<MonthlyReport> = {}): MonthlyReport {
  return {
    month: '2026-03',
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    producedOn: '2026-04-01',
    kpis: computeKpis({
      cases: [aCaseFact(), aCaseFact({ status: 'approved', onTime: false }), aCaseFact({ status: 'open', onTime: null, visits: null })],
      ratings: [aRatingFact(), aRatingFact({ rating: 2, rectificationOpened: true })],
      notices: [],
    }),
    items: [
      {
        itemCode: 'DCF-SCJG-XK-001',
        itemName: '食品经营许可（新办）',
        kpis: computeKpis({ cases: [aCaseFact(), aCaseFact()], ratings: [], notices: [] }),
      },
      {
        itemCode: 'DCF-SCJG-XK-002',
        itemName: '药品零售企业许可',
        kpis: computeKpis({ cases: [aCaseFact({ status: 'open', onTime: null })], ratings: [], notices: [] }),
      },
    ],
    overdue: [
      {
        applicationNumber: 'YC20260305000123',
        itemCode: 'DCF-SCJG-XK-001',
        itemName: '食品经营许可（新办）',
        deadline: '2026-03-12',
        decidedOn: '2026-03-16',
        status: 'approved',
      },
      {
        applicationNumber: 'YC20260306000007',
        itemCode: 'DCF-SCJG-XK-001',
        itemName: '食品经营许可, "变更"',
        deadline: '2026-03-20',
        decidedOn: null,
        status: 'open',
      },
    ],
    ...overrides,
  };
}

describe('the monthly report', () => {
  it('is a CSV with a byte-order mark, the KPIs with their counts and every overdue case, quoted where needed', () => {
    const csv = renderReportCsv(aReport());
    expect(csv.startsWith('\uFEFF月份,2026-03,部门,东昌府区市场监督管理局（DCF-SCJGJ）')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toContain('办结率,2,3,0.6667');
    expect(lines).toContain('按时办结率,1,2,0.5');
    expect(lines).toContain('审管互动认领率,0,0,');
    expect(lines).toContain('DCF-SCJG-XK-002,药品零售企业许可,1,0,,0,');
    expect(lines).toContain('1,YC20260305000123,DCF-SCJG-XK-001,食品经营许可（新办）,2026-03-12,2026-03-16,准予许可');
    expect(lines).toContain('2,YC20260306000007,DCF-SCJG-XK-001,"食品经营许可, ""变更""",2026-03-20,,在办');
  });

  it('neutralises cells a spreadsheet would run as a formula, and keeps a line break inside its cell', () => {
    const csv = renderReportCsv(
      aReport({
        items: [
          {
            itemCode: 'DCF-SCJG-XK-009',
            itemName: '=HYPERLINK("http://example.invalid","点击")',
            kpis: computeKpis({ cases: [aCaseFact()], ratings: [], notices: [] }),
          },
        ],
        overdue: [
          {
            applicationNumber: '@SUM(A1)',
            itemCode: '+1',
            itemName: '-2+3\r\n第二行',
            deadline: '2026-03-12',
            decidedOn: null,
            status: 'open',
          },
        ],
      }),
    );
    const lines = csv.split('\r\n');
    expect(lines).toContain(`DCF-SCJG-XK-009,"'=HYPERLINK(""http://example.invalid"",""点击"")",1,1,1,0,`);
    expect(csv).toContain(`1,'@SUM(A1),'+1,"'-2+3\r\n第二行",2026-03-12,,在办`);
  });

  it('is a printable Chinese page with inline SVG bars and no external asset', () => {
    const html = renderReportHtml(aReport());
    expect(html).toContain('<title>东昌府区市场监督管理局2026年3月政务服务电子监察月报</title>');
    expect(html).toContain('<svg');
    expect(html).toContain('<tr><td>办结率</td><td>2</td><td>3</td><td>66.7%</td></tr>');
    expect(html).toContain('食品经营许可, &quot;变更&quot;');
    // The busiest item's bar is full length, the other's half of it.
    expect(html).toContain('aria-label="各事项办件量柱状图"');
    expect(html).toContain('width="360" height="16" fill="#2e7d32"/><text x="538" y="20" font-size="13">2件</text>');
    expect(html).toContain('width="180" height="16" fill="#c62828"/><text x="538" y="46" font-size="13">1件</text>');
    expect(html).not.toMatch(/<(link|script|img)\b|src=|href=/);
  });

  it('says so when a month had no overdue case and no case at all', () => {
    expect(renderReportHtml(aReport({ overdue: [] }))).toContain('本月无超期办件');
    expect(renderReportHtml(aReport({ items: [] }))).toContain('本月无办件');
  });

  it('draws each bar in proportion to its rate and shows a dash for an empty rate', () => {
    const svg = rateBarsSvg([
      { name: '办结率', rate: { numerator: 1, denominator: 2, value: 0.5 } },
      { name: '满意率', rate: { numerator: 0, denominator: 0, value: null } },
    ]);
    expect(svg).toContain('width="180" height="16" fill="#c62828"');
    expect(svg).toContain('>—</text>');
  });
});
