/**
 * The fetch every call goes through, set once at start-up (`configureApi`): the generated clients
 * reach it through their runtime configuration (`client-runtime.ts`).
 */
export type Fetcher = typeof fetch;

let currentFetch: Fetcher = (input, init) => globalThis.fetch(input, init);

export function useFetcher(fetcher: Fetcher): void {
  currentFetch = fetcher;
}

export function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return currentFetch(input, init);
}
