import { describe, expect, it, vi } from 'vitest';
import { APPLICANT_CALL, createSessionAwareFetch } from './session-aware-fetch';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const expired = () => json(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期', fields: [] } });

/** A session-aware fetch over a server that always answers `answer`. */
function over(answer: () => Response, onSessionLost = vi.fn(async () => undefined)) {
  const baseFetch = vi.fn(async () => answer());
  return {
    baseFetch,
    onSessionLost,
    sessionFetch: createSessionAwareFetch({ baseFetch: baseFetch as unknown as typeof fetch, onSessionLost }),
  };
}

describe('session-aware fetch', () => {
  it('waits for a new sign-in when the session has expired, then sends the same request with its body once more', async () => {
    const seen: Array<{ url: string; body: string }> = [];
    const baseFetch = vi.fn(async (request: Request) => {
      seen.push({ url: request.url, body: await request.text() });
      return seen.length === 1 ? expired() : json(201, { number: 'YC20260305000001' });
    });
    const onSessionLost = vi.fn(async () => undefined);
    const sessionFetch = createSessionAwareFetch({ baseFetch: baseFetch as unknown as typeof fetch, onSessionLost });

    const response = await sessionFetch('http://console/api/intake/applications', {
      method: 'POST',
      body: '{"bundleCode":"DCF-YJS-KBCYD"}',
    });

    expect(response.status).toBe(201);
    expect(onSessionLost).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([
      { url: 'http://console/api/intake/applications', body: '{"bundleCode":"DCF-YJS-KBCYD"}' },
      { url: 'http://console/api/intake/applications', body: '{"bundleCode":"DCF-YJS-KBCYD"}' },
    ]);
  });

  it('passes other refusals through without asking anyone to sign in', async () => {
    const { sessionFetch, onSessionLost } = over(() => json(401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } }));

    const response = await sessionFetch('http://console/api/approval/cases');

    expect(response.status).toBe(401);
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it('leaves an applicant’s expired session to the applicant’s page: no staff sign-in dialog', async () => {
    const { sessionFetch, onSessionLost } = over(expired);

    const response = await sessionFetch('http://console/api/intake/progress/mine', { headers: APPLICANT_CALL });

    expect(response.status).toBe(401);
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it('never holds the sign-in call itself waiting for a sign-in', async () => {
    const { sessionFetch, onSessionLost } = over(expired);

    const response = await sessionFetch('http://console/api/identity/sessions/current');

    expect(response.status).toBe(401);
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it('fails the call when the person gives up signing in', async () => {
    const { sessionFetch, baseFetch } = over(
      expired,
      vi.fn(() => Promise.reject(new Error('登录已失效'))),
    );

    await expect(sessionFetch('http://console/api/approval/cases')).rejects.toThrow('登录已失效');
    expect(baseFetch).toHaveBeenCalledTimes(1);
  });
});
