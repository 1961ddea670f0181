import { refusalSummaryText, WebhookRefusals } from './webhook-refusals';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 5, 2, 30, 0) + seconds * 1000);

describe('refused webhook calls', () => {
  it('logs the first refusal of a minute at once and counts the rest for one summary row', () => {
    const refusals = new WebhookRefusals(100);
    const logNow = Array.from({ length: 50 }, (_, i) => refusals.refused('dcf-scjgj-qydj', '10.1.2.3', 'SIGNATURE_INVALID', at(i)));
    expect(logNow.filter(Boolean)).toHaveLength(1);
    expect(refusals.takeSummaries(at(59))).toEqual([]);
    expect(refusals.takeSummaries(at(61))).toEqual([
      { adapterId: 'dcf-scjgj-qydj', source: '10.1.2.3', minute: at(0), count: 49, codes: { SIGNATURE_INVALID: 49 } },
    ]);
    expect(refusals.takeSummaries(at(200))).toEqual([]);
  });

  it('keeps adapters and source addresses apart', () => {
    const refusals = new WebhookRefusals(100);
    expect(refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(1))).toBe(true);
    expect(refusals.refused('a', '10.0.0.2', 'SIGNATURE_INVALID', at(1))).toBe(true);
    expect(refusals.refused('b', '10.0.0.1', 'REPLAYED', at(1))).toBe(true);
    expect(refusals.refused('a', '10.0.0.1', 'REPLAYED', at(2))).toBe(false);
    expect(refusals.takeSummaries(at(3), true).map((s) => [s.adapterId, s.source, s.count])).toEqual([['a', '10.0.0.1', 1]]);
  });

  it('answers a source refused too often in the last sixty seconds with a retry time, and admits it again once they have passed', () => {
    const refusals = new WebhookRefusals(3);
    for (let i = 0; i < 3; i += 1) {
      expect(refusals.admit('a', '10.0.0.1', at(10))).toEqual({ admitted: true });
      refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(10));
    }
    expect(refusals.admit('a', '10.0.0.1', at(15))).toEqual({ admitted: false, retryAfterSeconds: 55 });
    expect(refusals.admit('a', '10.0.0.9', at(15))).toEqual({ admitted: true });
    expect(refusals.admit('a', '10.0.0.1', at(69))).toMatchObject({ admitted: false });
    expect(refusals.admit('a', '10.0.0.1', at(70))).toEqual({ admitted: true });
  });

  it('does not let a source double its allowance across the turn of a minute', () => {
    const refusals = new WebhookRefusals(3);
    for (const second of [57, 58, 59]) refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(second));
    expect(refusals.admit('a', '10.0.0.1', at(61))).toEqual({ admitted: false, retryAfterSeconds: 56 });
  });

  it('counts the calls it holds back in the summary, also when they are the first of a new minute', () => {
    const refusals = new WebhookRefusals(2);
    refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(58));
    refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(59));
    expect(refusals.admit('a', '10.0.0.1', at(61))).toMatchObject({ admitted: false });
    const summaries = refusals.takeSummaries(at(62), true);
    expect(summaries.map((s) => [s.minute, s.count, s.codes])).toEqual([
      [at(0), 1, { SIGNATURE_INVALID: 1 }],
      [at(60), 1, { TOO_MANY_REFUSALS: 1 }],
    ]);
  });

  it('summarises a minute when the same source is refused again a later minute, before the periodic pass', () => {
    const refusals = new WebhookRefusals(100);
    refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(1));
    refusals.refused('a', '10.0.0.1', 'TOO_MANY_REFUSALS', at(2));
    expect(refusals.refused('a', '10.0.0.1', 'SIGNATURE_INVALID', at(65))).toBe(true);
    const [summary] = refusals.takeSummaries(at(66));
    expect(summary).toMatchObject({ minute: at(0), count: 1, codes: { TOO_MANY_REFUSALS: 1 } });
    expect(refusalSummaryText(summary!)).toBe(
      '来自 10.0.0.1 的回调在 2026-03-05T02:30Z 起的一分钟内另被拒收 1 次（TOO_MANY_REFUSALS 1 次），合并记为一条',
    );
  });
});
