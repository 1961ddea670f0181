import { describe, expect, it } from 'vitest';
import type { ClockEntry, StepRecord } from '@/api/approval';
import { timeline } from './timeline';

const wang = { kind: 'person', id: 'wangshenpi', name: '王审批' };
const sun = { kind: 'person', id: 'sunfuhe', name: '孙复核' };

function aRecord(overrides: Partial<StepRecord>): StepRecord {
  return { id: 'r', step: 'examine', kind: 'completed', actor: wang, assigneeId: null, assigneeName: null, note: null, at: '2026-03-05T02:00:00.000Z', ...overrides };
}

describe('the case timeline', () => {
  it('puts steps, assignments and clock entries in the order they happened, in the words of the back office', () => {
    const records = [
      aRecord({ kind: 'assigned', step: 'examine', assigneeName: '王审批', at: '2026-03-05T01:00:00.000Z' }),
      aRecord({ kind: 'completed', step: 'examine', note: '材料齐全，拟同意', at: '2026-03-06T01:00:00.000Z' }),
      aRecord({ kind: 'stand-in', step: 'verify', assigneeName: '孙复核', actor: sun, at: '2026-03-06T03:00:00.000Z' }),
    ];
    const entries: ClockEntry[] = [
      {
        id: 'e',
        kind: 'suspension',
        procedure: 'site-inspection',
        startOn: '2026-03-06',
        endOn: null,
        workingDays: null,
        reason: '需现场核查经营场所',
        status: null,
        recordedBy: wang,
        reviewedBy: null,
        reviewNote: null,
        createdAt: '2026-03-06T02:00:00.000Z',
      },
    ];
    expect(timeline(records, entries).map((event) => event.title)).toEqual([
      '审查分派给 王审批',
      '审查完成',
      '中止计时：现场勘察（自 2026-03-06 起）',
      'AB岗：由B角 孙复核 代办审核',
    ]);
  });
});
