/** Counts of one adapter's exchanges on one day (对账), from the exchange log. */
export interface ReconciliationCounts {
  sent: number;
  acknowledged: number;
  /** 补正材料回传 sent after the department returned a part. */
  supplementsSent: number;
  /** Parts sent again with their corrected form (更正). */
  correctionsSent: number;
  retried: number;
  deliveriesDeadLettered: number;
  resultsReceived: number;
  /** 退回补正 received from the department system. */
  supplementRequestsReceived: number;
  /** 受理回执 giving the department's own case number. */
  acknowledgementsReceived: number;
  supervisionRecordsReceived: number;
  duplicates: number;
  inboundDeadLettered: number;
  refused: number;
  pendingDeliveries: number;
  awaitingResult: number;
}

export interface ExchangeCount {
  direction: string;
  kind: string;
  status: string;
  count: number;
}

export function countExchanges(rows: readonly ExchangeCount[]): Omit<ReconciliationCounts, 'pendingDeliveries' | 'awaitingResult'> {
  const sum = (test: (row: ExchangeCount) => boolean) => rows.filter(test).reduce((total, row) => total + row.count, 0);
  return {
    sent: sum((r) => r.direction === 'outbound' && r.kind === 'delivery' && (r.status === 'sent' || r.status === 'acknowledged')),
    acknowledged: sum((r) => r.direction === 'outbound' && r.kind === 'delivery' && r.status === 'acknowledged'),
    supplementsSent: sum(
      (r) => r.direction === 'outbound' && r.kind === 'supplement' && (r.status === 'sent' || r.status === 'acknowledged'),
    ),
    correctionsSent: sum(
      (r) => r.direction === 'outbound' && r.kind === 'correction' && (r.status === 'sent' || r.status === 'acknowledged'),
    ),
    retried: sum((r) => r.direction === 'outbound' && r.status === 'retrying'),
    deliveriesDeadLettered: sum((r) => r.direction === 'outbound' && r.status === 'dead-lettered'),
    resultsReceived: sum((r) => r.direction === 'inbound' && r.kind === 'result' && r.status === 'published'),
    supplementRequestsReceived: sum((r) => r.direction === 'inbound' && r.kind === 'supplement-request' && r.status === 'published'),
    acknowledgementsReceived: sum((r) => r.direction === 'inbound' && r.kind === 'acknowledgement' && r.status === 'recorded'),
    supervisionRecordsReceived: sum((r) => r.direction === 'inbound' && r.kind === 'supervision-record' && r.status === 'published'),
    duplicates: sum((r) => r.direction === 'inbound' && r.status === 'duplicate'),
    inboundDeadLettered: sum((r) => r.direction === 'inbound' && r.status === 'dead-lettered'),
    refused: sum((r) => r.direction === 'inbound' && r.status === 'refused'),
  };
}

/** The day's reconciliation as the report an integrator or the centre reads (Chinese). */
export function reconciliationReport(adapterName: string, date: string, counts: ReconciliationCounts): string {
  const problems = counts.deliveriesDeadLettered + counts.inboundDeadLettered + counts.refused;
  return [
    `${date} ${adapterName} 对账报告`,
    `推送办件 ${counts.sent} 件，其中部门系统确认接收 ${counts.acknowledged} 件；回传补正材料 ${counts.supplementsSent} 件，更正申请表 ${counts.correctionsSent} 件；重试 ${counts.retried} 次；推送失败转死信 ${counts.deliveriesDeadLettered} 件。`,
    `收到受理回执 ${counts.acknowledgementsReceived} 件，审批结果 ${counts.resultsReceived} 件，退回补正 ${counts.supplementRequestsReceived} 件，监管记录 ${counts.supervisionRecordsReceived} 条；重复投递 ${counts.duplicates} 次（未重复发布）；转换失败转死信 ${counts.inboundDeadLettered} 件；拒收（签名或重放）${counts.refused} 次。`,
    `当前待推送 ${counts.pendingDeliveries} 件，已推送待回传结果 ${counts.awaitingResult} 件。`,
    problems === 0 ? '结论：当日交换无异常。' : `结论：有 ${problems} 项异常，请在死信列表中处理后重放。`,
  ].join('\n');
}
