import { describe, expect, it } from 'vitest';
import { aClockEntry, aStepRecord, SUN } from '@/testing/builders';
import { timeline } from './timeline';

describe('the case timeline', () => {
  it('puts steps, assignments and clock entries in the order they happened, in the words of the back office', () => {
    const records = [
      aStepRecord({ kind: 'assigned', step: 'examine', assigneeName: '王审批', at: '2026-03-05T01:00:00.000Z' }),
      aStepRecord({ kind: 'completed', step: 'examine', note: '材料齐全，拟同意', at: '2026-03-06T01:00:00.000Z' }),
      aStepRecord({ kind: 'stand-in', step: 'verify', assigneeName: '孙复核', actor: SUN, at: '2026-03-06T03:00:00.000Z' }),
    ];
    const entries = [aClockEntry({ procedure: 'site-inspection', reason: '需现场核查经营场所' })];
    expect(timeline(records, entries).map((event) => event.title)).toEqual([
      '审查分派给 王审批',
      '审查完成',
      '中止计时：现场勘察（自 2026-03-06 起）',
      'AB岗：由B角 孙复核 代办审核',
    ]);
  });
});
