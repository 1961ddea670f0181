/**
 * The console's sign-in cookie: set by the identity service (httpOnly, SameSite=Strict), turned
 * into `Authorization: Bearer …` by the gateway (embedded server or nginx) for the services.
 */
export const SESSION_COOKIE = 'onewindow_session';

/**
 * The applicant's sign-in cookie (短信验证码登录, set by intake), kept apart from the staff one: a
 * clerk signed in on the same browser stays a clerk. The gateway sends it on only for calls that
 * ask for it with `X-OneWindow-Session: applicant` (the console's public pages).
 */
export const APPLICANT_SESSION_COOKIE = 'onewindow_applicant';
export const APPLICANT_SESSION_HEADER = 'x-onewindow-session';

/** The session token in a `Cookie` header, if there is one. */
export function sessionTokenFromCookies(header: string | undefined, cookie: string = SESSION_COOKIE): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== cookie) continue;
    const value = pair.slice(separator + 1).trim();
    // A JWT is base64url and dots only; anything else is not ours to forward.
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value) ? value : undefined;
  }
  return undefined;
}
