/**
 * What a database error means for the caller, from its SQLSTATE:
 * - `conflict`: another request got there first (a duplicate key, a serialization failure, a
 *   deadlock): nothing was committed; the caller reloads and decides (409).
 */
export type DatabaseFailure = 'conflict';

const CONFLICT_STATES = [/^23505$/, /^40001$/, /^40P01$/, /^55P03$/];

export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  for (const candidate of causes(error)) {
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    if (code && CONFLICT_STATES.some((state) => state.test(code))) return 'conflict';
  }
  return undefined;
}

/** The error, what TypeORM wrapped (`driverError`) and its `cause`s. */
function causes(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const found: Array<{ code?: unknown; message?: unknown }> = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && found.length < 20) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object') continue;
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    found.push(candidate);
    pending.push(candidate.driverError, candidate.cause);
  }
  return found;
}
