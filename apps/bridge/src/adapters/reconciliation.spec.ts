import { countExchanges, reconciliationReport } from './reconciliation';

describe('daily reconciliation per adapter', () => {
  it('counts sent, acknowledged, supplements, acknowledgements, results, duplicates and dead letters from the exchange log', () => {
    const counts = countExchanges([
      { direction: 'outbound', kind: 'delivery', status: 'acknowledged', count: 12 },
      { direction: 'outbound', kind: 'delivery', status: 'sent', count: 3 },
      { direction: 'outbound', kind: 'delivery', status: 'retrying', count: 2 },
      { direction: 'outbound', kind: 'delivery', status: 'dead-lettered', count: 1 },
      { direction: 'outbound', kind: 'supplement', status: 'sent', count: 2 },
      { direction: 'outbound', kind: 'correction', status: 'sent', count: 1 },
      { direction: 'inbound', kind: 'acknowledgement', status: 'recorded', count: 5 },
      { direction: 'inbound', kind: 'result', status: 'published', count: 9 },
      { direction: 'inbound', kind: 'supplement-request', status: 'published', count: 3 },
      { direction: 'inbound', kind: 'supervision-record', status: 'published', count: 2 },
      { direction: 'inbound', kind: 'result', status: 'duplicate', count: 4 },
      { direction: 'inbound', kind: 'result', status: 'dead-lettered', count: 1 },
      { direction: 'inbound', kind: 'result', status: 'refused', count: 2 },
    ]);
    expect(counts).toEqual({
      sent: 15,
      acknowledged: 12,
      supplementsSent: 2,
      correctionsSent: 1,
      retried: 2,
      deliveriesDeadLettered: 1,
      resultsReceived: 9,
      supplementRequestsReceived: 3,
      acknowledgementsReceived: 5,
      supervisionRecordsReceived: 2,
      duplicates: 4,
      inboundDeadLettered: 1,
      refused: 2,
    });
  });

  it('writes the report in Chinese, calling out anomalies', () => {
    const clean = {
      sent: 3,
      acknowledged: 3,
      supplementsSent: 1,
      correctionsSent: 1,
      retried: 0,
      deliveriesDeadLettered: 0,
      resultsReceived: 2,
      supplementRequestsReceived: 1,
      acknowledgementsReceived: 3,
      supervisionRecordsReceived: 0,
      duplicates: 0,
      inboundDeadLettered: 0,
      refused: 0,
      pendingDeliveries: 0,
      awaitingResult: 1,
    };
    const report = reconciliationReport('住建局施工许可系统', '2026-03-05', clean);
    expect(report).toContain('回传补正材料 1 件，更正申请表 1 件');
    expect(report).toContain('收到受理回执 3 件，审批结果 2 件，退回补正 1 件');
    expect(report).toContain('结论：当日交换无异常。');
    expect(reconciliationReport('市场监管局企业登记系统', '2026-03-05', { ...clean, inboundDeadLettered: 2, refused: 1 })).toContain(
      '有 3 项异常',
    );
  });
});
