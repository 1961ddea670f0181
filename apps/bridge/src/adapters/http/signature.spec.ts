import { checkSignature, signedHeaders, signatureOf } from './signature';

const key = 'demo-scjgj-webhook-signing-key';
const now = new Date('2026-03-06T02:30:00.000Z');
const body = Buffer.from(JSON.stringify({ BJJG: { JGBH: 'SCJG-JG-2026-000321', BJJGDM: '1' } }), 'utf8');

describe('webhook signatures (HMAC-SHA256 over timestamp, nonce and the exact body)', () => {
  it('accepts a request signed with the key within the window', () => {
    expect(checkSignature(key, signedHeaders(key, body, now), body, now, 300)).toMatchObject({ ok: true });
  });

  it('refuses a body changed after signing, even by one character', () => {
    const headers = signedHeaders(key, body, now);
    const tampered = Buffer.from(body.toString('utf8').replace('"1"', '"2"'), 'utf8');
    expect(checkSignature(key, headers, tampered, now, 300)).toMatchObject({
      ok: false,
      refusal: { code: 'SIGNATURE_INVALID', status: 401 },
    });
  });

  it('refuses a signature made with another key', () => {
    expect(checkSignature(key, signedHeaders('some-other-department-key', body, now), body, now, 300)).toMatchObject({
      ok: false,
      refusal: { code: 'SIGNATURE_INVALID', status: 401 },
    });
  });

  it('refuses a timestamp moved forward to pass the window: the timestamp is signed too', () => {
    const headers = signedHeaders(key, body, new Date(now.getTime() - 3_600_000));
    headers['x-onewindow-timestamp'] = String(Math.floor(now.getTime() / 1000));
    expect(checkSignature(key, headers, body, now, 300)).toMatchObject({ ok: false, refusal: { code: 'SIGNATURE_INVALID', status: 401 } });
  });

  it('refuses a correctly signed request that is older than the window (a replay of an old capture)', () => {
    const headers = signedHeaders(key, body, new Date(now.getTime() - 301_000));
    expect(checkSignature(key, headers, body, now, 300)).toMatchObject({
      ok: false,
      refusal: { code: 'TIMESTAMP_OUTSIDE_WINDOW', message: expect.stringContaining('重放'), status: 401 },
    });
  });

  it('refuses a request without the signature headers, naming them', () => {
    expect(checkSignature(key, {}, body, now, 300)).toMatchObject({
      ok: false,
      refusal: { code: 'SIGNATURE_MISSING', message: expect.stringContaining('x-onewindow-signature'), status: 401 },
    });
  });

  it('is the documented formula, so a department can compute it in any language', () => {
    // printf '1772764200\nabc123def456\n{}' | openssl dgst -sha256 -hmac demo-scjgj-webhook-signing-key
    expect(signatureOf(key, '1772764200', 'abc123def456', '{}')).toBe(
      'sha256=8fca8c9c4d9fb7a592486abe3d2093437542762d7c001729da1db29081acfed0',
    );
    expect(signatureOf(key, '1772764200', 'abc123def456', '{}')).toBe(signatureOf(key, '1772764200', 'abc123def456', Buffer.from('{}')));
  });
});
