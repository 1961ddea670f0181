/**
 * What a database error means for the caller, from its SQLSTATE or, for errors of the connection
 * itself (no SQLSTATE), its Node.js code or pg's message:
 * - `unavailable`: the database cannot be reached or ended the session (restart, failover,
 *   `pg_terminate_backend`, refused connections): nothing was committed; try again shortly (503);
 * - `conflict`: another request got there first (a duplicate key, a serialization failure, a
 *   deadlock): nothing was committed; the caller reloads and decides (409).
 */
export type DatabaseFailure = 'unavailable' | 'conflict';

const UNAVAILABLE_STATES = [/^08/, /^57P0[123]$/, /^53300$/, /^57014$/];
const CONFLICT_STATES = [/^23505$/, /^40001$/, /^40P01$/, /^55P03$/];
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection is not established|terminating connection/i;
/**
 * TypeORM releases a query runner when its connection emits an error (a session the server
 * terminated); the transaction's next statement — often the outbox flush just before COMMIT — then
 * meets this error (or, through the transaction's entity manager, its Provider variant), and the
 * COMMIT is never sent: nothing was committed.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  for (const candidate of causes(error)) {
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    if (code && UNAVAILABLE_STATES.some((state) => state.test(code))) return 'unavailable';
    if (code && CONFLICT_STATES.some((state) => state.test(code))) return 'conflict';
    if (code && CONNECTION_CODES.has(code)) return 'unavailable';
    const name = (candidate as { name?: unknown }).name;
    if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return 'unavailable';
  }
  for (const candidate of causes(error)) {
    if (typeof candidate.message === 'string' && CONNECTION_MESSAGES.test(candidate.message)) return 'unavailable';
  }
  return undefined;
}

/** The error, what TypeORM wrapped (`driverError`), its `cause`s and an AggregateError's parts (a refused dual-stack connect). */
function causes(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const found: Array<{ code?: unknown; message?: unknown }> = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && found.length < 20) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object') continue;
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    found.push(candidate);
    pending.push(candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : []));
  }
  return found;
}
