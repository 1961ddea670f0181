import { requestJson, type ApiResponse } from './http';

/** The password of every demo account (embedded default and test platforms only). */
export const DEMO_PASSWORD = 'Demo@2026';

/** A browser-like session at the console's address: the cookie the identity service set. */
export interface ConsoleSession {
  /** `onewindow_session=…`, to send back as the `Cookie` header. */
  cookie: string;
  user: Record<string, unknown>;
  expiresAt: string;
}

/** Signs in at the console's address as the console does; the answer, and the session when it succeeded. */
export async function signInAtConsole(
  consoleUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
): Promise<ApiResponse & { session?: ConsoleSession }> {
  const response = await requestJson(`${consoleUrl}/api/identity/sessions`, 'POST', headers, { username, password });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 201 || !cookie) return response;
  return {
    ...response,
    session: { cookie, user: response.body['user'] as Record<string, unknown>, expiresAt: String(response.body['expiresAt']) },
  };
}

/** One call through the console's address with the session cookie (the gateway makes it a bearer token), or anonymously. */
export function callAtConsole<T = Record<string, unknown>>(
  consoleUrl: string,
  session: ConsoleSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  return requestJson<T>(`${consoleUrl}${path}`, method, session ? { cookie: session.cookie } : {}, body);
}
