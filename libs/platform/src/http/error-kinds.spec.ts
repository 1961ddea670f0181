import { ERROR_KINDS, HTTP_STATUS_OF_KIND, httpStatusOf } from './error-kinds';

describe('the one table from error kind to HTTP status', () => {
  it('answers each kind with its status', () => {
    // Pinned as the console and the integration suites read it: a change here changes the wire.
    expect(ERROR_KINDS.map((kind) => `${kind} ${HTTP_STATUS_OF_KIND[kind]}`).join(', ')).toBe(
      'invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409, too-large 413, unprocessable 422, locked 423, too-many-requests 429, internal 500, upstream-failed 502, unavailable 503',
    );
    expect(httpStatusOf('not-found')).toBe(404);
    expect(httpStatusOf('conflict')).toBe(409);
  });

  it('gives every kind its own status, so a status names one kind', () => {
    const statuses = ERROR_KINDS.map((kind) => httpStatusOf(kind));
    expect(new Set(statuses).size).toBe(ERROR_KINDS.length);
  });
});
