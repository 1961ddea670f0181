/**
 * The fetch every API call goes through. When the session has ended (401 `TOKEN_EXPIRED` or
 * `UNAUTHENTICATED`) it waits for the person to sign in again over the current page, then sends
 * the same request once more: a half-filled form is neither lost nor submitted twice.
 */
export const SESSION_LOST_CODES = ['TOKEN_EXPIRED', 'UNAUTHENTICATED'] as const;

/**
 * The header of the applicant's calls (SMS sign-in, public pages): the gateway sends the applicant's
 * cookie for them, and a refusal is theirs to handle — never the staff sign-in dialog.
 */
export const APPLICANT_CALL = { 'x-onewindow-session': 'applicant' } as const;

export interface SessionAwareFetchOptions {
  baseFetch?: typeof fetch;
  /** Resolves once someone has signed in again; rejects when the person gives up. */
  onSessionLost: () => Promise<void>;
  /** Calls that must not wait for a sign-in (signing in itself, reading the current session). */
  isSessionCall?: (url: string) => boolean;
}

export function createSessionAwareFetch(options: SessionAwareFetchOptions): typeof fetch {
  const isSessionCall =
    options.isSessionCall ?? ((url: string) => new URL(url, 'http://console').pathname.startsWith('/api/identity/sessions'));
  return async (input, init) => {
    const baseFetch = options.baseFetch ?? globalThis.fetch;
    const request = new Request(input, { credentials: 'same-origin', ...init });
    // A body can be read once: keep a copy for the retry before the first attempt consumes it.
    const retry = request.clone();
    const response = await baseFetch(request);
    if (response.status !== 401 || isSessionCall(request.url) || request.headers.get('x-onewindow-session') === 'applicant')
      return response;
    if (!(await endsTheSession(response.clone()))) return response;
    await options.onSessionLost();
    return baseFetch(retry);
  };
}

async function endsTheSession(response: Response): Promise<boolean> {
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    return (SESSION_LOST_CODES as readonly string[]).includes(body.error?.code ?? '');
  } catch {
    return false;
  }
}
