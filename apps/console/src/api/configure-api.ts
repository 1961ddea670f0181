import { useFetcher } from './json-call';
import { createSessionAwareFetch } from './session-aware-fetch';

/**
 * Wires every API call (hand-written and generated clients alike) to the session-aware fetch,
 * so an expired session anywhere opens the sign-in dialog and the call resumes after it.
 */
export function configureApi(options: { onSessionLost: () => Promise<void> }): void {
  const fetcher = createSessionAwareFetch({ onSessionLost: options.onSessionLost });
  useFetcher(fetcher);
}
