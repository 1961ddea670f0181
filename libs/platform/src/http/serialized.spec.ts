import { serializeDates } from './serialized';

describe('a row as its JSON answer', () => {
  it('turns every time into ISO 8601 and keeps everything else', () => {
    const row = { id: 'r-1', level: 2, answeredAt: null as Date | null, createdAt: new Date('2026-03-05T02:00:00Z'), tags: ['差评'] };
    expect(serializeDates(row)).toEqual({ id: 'r-1', level: 2, answeredAt: null, createdAt: '2026-03-05T02:00:00.000Z', tags: ['差评'] });
  });
});
