import { measureInterleaved, median, percentile, rotated } from './measure';

describe('measuring several operations side by side', () => {
  it('times them in turn, each round in an order rotated from the last, so load falls on all alike', async () => {
    const ran: string[] = [];
    const contender = (name: string) => ({
      operation: () => {
        if (ran[ran.length - 1] !== name) ran.push(name);
      },
    });
    const rates = await measureInterleaved(
      { a: contender('a'), b: contender('b'), c: contender('c') },
      { warmUpMs: 1, roundMs: 1, rounds: 3 },
    );
    // Warm-up a, b, c; then rounds [a, b, c], [b, c, a], [c, a, b] (a repeated name ran twice in a row).
    expect(ran).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(Object.keys(rates)).toEqual(['a', 'b', 'c']);
    for (const rate of Object.values(rates)) {
      expect(rate.rounds).toHaveLength(3);
      expect(rate.perSecond).toBe(median(rate.rounds));
      expect(rate.operations).toBeGreaterThanOrEqual(3 * 64);
    }
  });

  it('rotates a list round by round', () => {
    expect([0, 1, 2, 3].map((round) => rotated(['a', 'b', 'c'], round))).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ]);
    expect(rotated([], 5)).toEqual([]);
  });

  it('reads nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});
