import { applicationConclusion } from './application-conclusion';

describe('concluding an application from its parts (办结)', () => {
  it('is not concluded while any department has still to decide', () => {
    expect(applicationConclusion([{ status: 'approved' }, { status: 'pending' }])).toBeNull();
  });

  it('is approved when every part is approved', () => {
    expect(applicationConclusion([{ status: 'approved' }, { status: 'approved' }])).toBe('approved');
  });

  it('is refused when every part is refused', () => {
    expect(applicationConclusion([{ status: 'refused' }])).toBe('refused');
  });

  it('is partially approved when the departments decided differently', () => {
    expect(applicationConclusion([{ status: 'approved' }, { status: 'refused' }, { status: 'approved' }])).toBe('partially-approved');
  });

  it('is never concluded without parts', () => {
    expect(applicationConclusion([])).toBeNull();
  });
});
