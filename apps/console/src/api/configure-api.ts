import { ApiError, networkError, toApiError } from './api-error';
import { client as approvalClient } from './generated/approval/client.gen';
import { client as bridgeClient } from './generated/bridge/client.gen';
import { client as identityClient } from './generated/identity/client.gen';
import { client as intakeClient } from './generated/intake/client.gen';
import { client as supervisionClient } from './generated/supervision/client.gen';
import { useFetcher } from './api-fetch';
import { createSessionAwareFetch } from './session-aware-fetch';

const GENERATED_CLIENTS = [identityClient, intakeClient, approvalClient, supervisionClient, bridgeClient];

/**
 * Wires every API call (hand-written and generated clients alike) to the session-aware fetch,
 * so an expired session anywhere opens the sign-in dialog and the call resumes after it, and
 * turns every refusal into an `ApiError` with the server's Chinese message and field problems.
 */
export function configureApi(options: { onSessionLost: () => Promise<void> }): void {
  useFetcher(createSessionAwareFetch({ onSessionLost: options.onSessionLost }));
  for (const client of GENERATED_CLIENTS) {
    client.interceptors.error.use((error, response) => {
      if (error instanceof ApiError) return error;
      return response ? toApiError(response.status, error) : networkError();
    });
  }
}
