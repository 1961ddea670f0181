import { automaticShare, prefilledFields } from './prefill-fields';

describe('pre-filled form fields', () => {
  it('lists every leaf of the mapped record with its source and time', () => {
    const at = new Date('2026-03-05T02:00:00.000Z');
    expect(
      prefilledFields(
        { applicant: { name: '鲁西餐饮', kind: 'organisation' }, shareholders: [{ name: '王建国' }], capital: 500000 },
        '法人库',
        at,
      ),
    ).toEqual([
      { path: 'applicant.name', value: '鲁西餐饮', source: '法人库', fetchedAt: '2026-03-05T02:00:00.000Z' },
      { path: 'applicant.kind', value: 'organisation', source: '法人库', fetchedAt: '2026-03-05T02:00:00.000Z' },
      { path: 'shareholders[0].name', value: '王建国', source: '法人库', fetchedAt: '2026-03-05T02:00:00.000Z' },
      { path: 'capital', value: 500000, source: '法人库', fetchedAt: '2026-03-05T02:00:00.000Z' },
    ]);
  });

  it('gives the share of fields filled automatically and kept, or nothing before any form reported', () => {
    expect(automaticShare(3, 1, 0)).toBe(75);
    expect(automaticShare(2, 0, 1)).toBe(66.7);
    expect(automaticShare(0, 0, 0)).toBeNull();
  });
});
