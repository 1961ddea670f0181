import { ApiError, networkError, toApiError } from './api-error';

export type Fetcher = typeof fetch;

let currentFetch: Fetcher = (input, init) => globalThis.fetch(input, init);

/** Set once at start-up (`configureApi`): the session-aware fetch every call goes through. */
export function useFetcher(fetcher: Fetcher): void {
  currentFetch = fetcher;
}

export function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return currentFetch(input, init);
}

/**
 * One JSON call to the gateway (`/api/<service>/…`): the parsed body on success, an `ApiError`
 * with the server's Chinese message and field problems otherwise.
 */
export async function callJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await apiFetch(url, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export { ApiError };
