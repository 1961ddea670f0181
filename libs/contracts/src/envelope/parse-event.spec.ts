import { anApplicationAccepted } from '../testing/builders';
import { Topics } from '../topics/topics';
import { createEnvelope } from './create-envelope';
import { parseEvent } from './parse-event';

describe('reading an event that holds a NUL character', () => {
  it('takes the event as invalid and names the field, since no text column may hold U+0000', () => {
    const envelope = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });
    const data = { ...envelope.data, applicant: { ...envelope.data.applicant, name: '聊城市\u0000东昌府区' } };
    const parsed = parseEvent(Topics.ApplicationAccepted, JSON.stringify({ ...envelope, data }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.summary).toBe('data.applicant.name contains a NUL character (U+0000), which no text may hold');
  });

  it('finds a NUL in a key and nested deeper than the call stack would allow', () => {
    const deep = `${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}`;
    const parsed = parseEvent(Topics.ApplicationAccepted, `{"data":${deep}}`);
    expect(!parsed.ok && parsed.summary).toMatch(/^data(\[0\])+ contains a NUL/);
    const inKey = parseEvent(Topics.ApplicationAccepted, '{"specversion":"1.0","data":{"a\\u0000b":1}}');
    expect(!inKey.ok && inKey.summary).toBe('data contains a NUL character (U+0000), which no text may hold');
  });
});
