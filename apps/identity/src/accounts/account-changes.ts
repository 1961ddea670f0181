import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AccountChange, type AccountChangeKind } from './account-change.entity';

/** Writes one row of the administration audit in the caller's transaction. */
export async function recordAccountChange(
  manager: EntityManager,
  change: { accountId: string; change: AccountChangeKind; details?: Record<string, unknown>; by: { id: string; name: string }; at: Date },
): Promise<void> {
  const repository = manager.getRepository(AccountChange);
  await repository.save(
    repository.create({
      id: randomUUID(),
      accountId: change.accountId,
      change: change.change,
      details: change.details ?? {},
      byId: change.by.id,
      byName: change.by.name,
      at: change.at,
    }),
  );
}
