/**
 * What kind of refusal an error is, and the HTTP status each kind answers with. This table is the
 * only place in the platform where an error's status is chosen: catalogues name a kind, the error
 * filter looks the status up here.
 */
export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'unprocessable',
  'locked',
  'too-many-requests',
  'internal',
  'upstream-failed',
  'unavailable',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export const HTTP_STATUS_OF_KIND = {
  /** The request itself is malformed or a field is wrong (field errors). */
  invalid: 400,
  /** No identity, or one that has expired or cannot be verified. */
  unauthenticated: 401,
  /** The caller is known but may not do this. */
  forbidden: 403,
  'not-found': 404,
  /** The resource is in a state that does not allow the action (already decided, changed meanwhile). */
  conflict: 409,
  'too-large': 413,
  /** Well-formed, but the business rules refuse it. */
  unprocessable: 422,
  locked: 423,
  'too-many-requests': 429,
  internal: 500,
  /** A system the platform depends on (a department's data source) failed or answered nonsense. */
  'upstream-failed': 502,
  /** Temporarily out of service (paused adapter, unreachable database or identity provider); retrying later helps. */
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

/** One of the statuses the table answers with. */
export type ErrorStatus = (typeof HTTP_STATUS_OF_KIND)[ErrorKind];

export function httpStatusOf(kind: ErrorKind): ErrorStatus {
  return HTTP_STATUS_OF_KIND[kind];
}
