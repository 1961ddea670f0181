/**
 * What the integration engineer reads for the bridge's and the services' codes, and the small
 * calculations of the operations pages (error rate, China-day time ranges, replay summaries).
 */
import type { ReconciliationView } from '@/api/generated/bridge/types.gen';

type Labels = Readonly<Record<string, string>>;

export const ADAPTER_STATUS_LABELS: Labels = { up: '运行正常', degraded: '最近一次交换失败', paused: '已暂停' };

export const DIRECTION_LABELS: Labels = { outbound: '推送部门系统', inbound: '部门系统回传', lookup: '数据调取' };

export const EXCHANGE_STATUS_LABELS: Labels = {
  sent: '已发送',
  acknowledged: '对方已确认',
  retrying: '重试中',
  failed: '失败',
  published: '已发布',
  recorded: '已记录',
  duplicate: '重复（已忽略）',
  'dead-lettered': '转入死信',
  refused: '已拒收',
  found: '已查到',
  'not-found': '未查到',
  discarded: '死信已丢弃',
};

export const BRIDGE_DEAD_LETTER_STATUS_LABELS: Labels = { open: '待处理', replayed: '已重放', resolved: '已解决', discarded: '已丢弃' };

export const SERVICE_DEAD_LETTER_STATUS_LABELS: Labels = { open: '待处理', replayed: '已重放', discarded: '已丢弃' };

export const SERVICE_LABELS: Labels = { intake: '受理服务', approval: '审批服务', supervision: '监管服务', bridge: '联通桥（消息）' };

export const REPLAY_OUTCOME_LABELS: Labels = {
  requeued: '已重新排队投递',
  published: '已发布',
  recorded: '已记录',
  duplicate: '重复（已忽略）',
  'dead-lettered-again': '仍然失败，重新转入死信',
  'not-replayable': '无法重放',
  replayed: '重放成功',
  'still-failing': '仍然失败',
  'no-such-consumer': '找不到对应的消费者',
};

/**
 * 差错率 of one adapter for a day, from its reconciliation: what failed (deliveries dead-lettered,
 * records dead-lettered or refused) out of everything exchanged; null when nothing was exchanged.
 */
export function errorRate(counts: ReconciliationView['counts']): number | null {
  const failed = counts.deliveriesDeadLettered + counts.inboundDeadLettered + counts.refused;
  const exchanged = counts.sent + counts.resultsReceived + counts.supervisionRecordsReceived + counts.duplicates + failed;
  return exchanged === 0 ? null : failed / exchanged;
}

/** `3.2%`, or `—` when there is no rate. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A day in China (`2026-03-05`) as the instants it starts and ends (the next day's start), with the zone written out. */
export function chinaDay(date: string): { from: string; to: string } {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: `${date}T00:00:00+08:00`, to: `${next}T00:00:00+08:00` };
}

/** One line summing up a replay for the confirmation message: `重放 3 条：已重新排队投递 2 条，无法重放 1 条`. */
export function replaySummary(outcomes: readonly string[]): string {
  if (outcomes.length === 0) return '所选范围内没有待处理的死信';
  const counted = new Map<string, number>();
  for (const outcome of outcomes) counted.set(outcome, (counted.get(outcome) ?? 0) + 1);
  const parts = [...counted].map(([outcome, count]) => `${REPLAY_OUTCOME_LABELS[outcome] ?? outcome} ${count} 条`);
  return `重放 ${outcomes.length} 条：${parts.join('，')}`;
}

/** A payload as sent or received, indented when it is JSON, as it is otherwise (XML, fixed-width text…). */
export function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
