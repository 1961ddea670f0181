import { describe, expect, it } from 'vitest';
import { commentRequired, normaliseApplicationNumber, toRating } from './applicant-forms';

describe('what the applicant types on a phone', () => {
  it('reads the application number however the phone keyboard typed it', () => {
    expect(normaliseApplicationNumber(' yc 2026 0305 000123 ')).toBe('YC20260305000123');
  });

  it('requires a reason for 不满意 and 非常不满意 only', () => {
    expect([5, 4, 3, 2, 1].map(commentRequired)).toEqual([false, false, false, true, true]);
    expect(commentRequired(null)).toBe(false);
  });

  it('sends a rating with the query’s proof, leaving out an empty comment unless one is required', () => {
    const proof = { number: 'YC20260305000123', phoneTail: '2345' };
    expect(toRating(proof, 5, '  ')).toEqual({ number: 'YC20260305000123', phoneTail: '2345', level: 5 });
    // An empty reason for a bad rating goes to the server, which names the field.
    expect(toRating(proof, 2, ' ')).toEqual({ number: 'YC20260305000123', phoneTail: '2345', level: 2, comment: '' });
    expect(toRating(proof, 1, ' 跑了三趟 ')).toMatchObject({ comment: '跑了三趟' });
  });
});
