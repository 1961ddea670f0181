import type { EntityManager } from 'typeorm';

/**
 * A PostgreSQL advisory lock on `key`, held to the end of the transaction: it serialises
 * decisions over rows that may not exist yet (a day's bookings, a phone's sign-in codes, the
 * exchange log's next link), which no row lock can. Keys are per schema where two services share a database.
 */
export async function lockUntilCommit(tx: EntityManager, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
