import type { ClockEntry, StepRecord } from '@/api/approval';
import { CASE_STEP_LABELS, labelOf, SPECIAL_PROCEDURE_LABELS } from '@/shared/labels';

/** 办理过程: the workflow's records and the deadline ledger's entries, in the order they happened. */
export interface TimelineEvent {
  at: string;
  title: string;
  detail: string;
  by: string;
  kind: 'step' | 'assignment' | 'clock';
}

export function stepEvent(record: StepRecord): TimelineEvent {
  const step = labelOf(CASE_STEP_LABELS, record.step);
  const assignee = record.assigneeName ?? '本部门审批人员';
  const titles: Record<StepRecord['kind'], string> = {
    completed: `${step}完成`,
    assigned: `${step}分派给 ${assignee}`,
    reassigned: `改派给 ${assignee}`,
    'stand-in': `AB岗：由B角 ${assignee} 代办${step}`,
    'supplement-withdrawn': '撤回补正要求',
  };
  return {
    at: record.at,
    title: titles[record.kind],
    detail: record.note ?? '',
    by: record.actor.name,
    kind: record.kind === 'completed' ? 'step' : 'assignment',
  };
}

export function clockEvents(entry: ClockEntry): TimelineEvent[] {
  if (entry.kind === 'extension') {
    const requested: TimelineEvent = {
      at: entry.createdAt,
      title: `申请延期 ${entry.workingDays ?? 0} 个工作日`,
      detail: entry.reason,
      by: entry.recordedBy.name,
      kind: 'clock',
    };
    if (!entry.reviewedBy || entry.status === 'requested') return [requested];
    const verdict = entry.status === 'approved' ? '同意延期' : '不同意延期';
    return [requested, { at: entry.createdAt, title: verdict, detail: entry.reviewNote ?? '', by: entry.reviewedBy.name, kind: 'clock' }];
  }
  const procedure = labelOf(SPECIAL_PROCEDURE_LABELS, entry.procedure);
  const period = entry.endOn ? `${entry.startOn} 至 ${entry.endOn}` : `自 ${entry.startOn} 起`;
  return [
    { at: entry.createdAt, title: `中止计时：${procedure}（${period}）`, detail: entry.reason, by: entry.recordedBy.name, kind: 'clock' },
  ];
}

export function timeline(records: StepRecord[], entries: ClockEntry[]): TimelineEvent[] {
  return [...records.map(stepEvent), ...entries.flatMap(clockEvents)].sort((a, b) => a.at.localeCompare(b.at));
}
