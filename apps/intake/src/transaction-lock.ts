import type { EntityManager } from 'typeorm';

/**
 * A PostgreSQL advisory lock on `key`, held to the end of the transaction: it serialises
 * decisions over rows that may not exist yet (a day's bookings, a phone's sign-in codes), which
 * no row lock can. The repositories that need one share it.
 */
export async function lockUntilCommit(tx: EntityManager, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
