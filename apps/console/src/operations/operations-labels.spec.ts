import { describe, expect, it } from 'vitest';
import { chinaDay, errorRate, formatRate, readablePayload, replaySummary } from './operations-labels';

const NOTHING = {
  sent: 0,
  acknowledged: 0,
  retried: 0,
  deliveriesDeadLettered: 0,
  resultsReceived: 0,
  supervisionRecordsReceived: 0,
  duplicates: 0,
  inboundDeadLettered: 0,
  refused: 0,
  pendingDeliveries: 0,
  awaitingResult: 0,
};

describe('the error rate of an adapter for a day', () => {
  it('is the failed exchanges out of every exchange, deliveries and records alike', () => {
    expect(errorRate({ ...NOTHING, sent: 7, deliveriesDeadLettered: 1, resultsReceived: 1, inboundDeadLettered: 1 })).toBeCloseTo(2 / 10);
  });

  it('is none on a day without exchanges, not zero', () => {
    expect(errorRate(NOTHING)).toBeNull();
    expect(formatRate(null)).toBe('—');
  });

  it('reads as a percentage with one decimal', () => {
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(0)).toBe('0.0%');
  });
});

describe('a day in China as a time range', () => {
  it('runs from midnight China time to the next midnight, across a month end', () => {
    expect(chinaDay('2026-02-28')).toEqual({ from: '2026-02-28T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' });
  });
});

describe('the summary of a replay', () => {
  it('counts the outcomes in Chinese', () => {
    expect(replaySummary(['requeued', 'requeued', 'not-replayable'])).toBe('重放 3 条：已重新排队投递 2 条，无法重放 1 条');
  });

  it('says when nothing was there to replay', () => {
    expect(replaySummary([])).toBe('所选范围内没有待处理的死信');
  });
});

describe('a payload shown to the engineer', () => {
  it('is indented when it is JSON and left as it is otherwise', () => {
    expect(readablePayload('{"BJJG":{"BJJGDM":"7"}}')).toBe('{\n  "BJJG": {\n    "BJJGDM": "7"\n  }\n}');
    expect(readablePayload('<BJJG><DM>7</DM></BJJG>')).toBe('<BJJG><DM>7</DM></BJJG>');
  });
});
