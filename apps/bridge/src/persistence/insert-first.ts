import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts the row unless one with its key is already there; true when this call inserted it. The
 * database decides (ON CONFLICT DO NOTHING), so two callers racing with the same key never both
 * see "first": what makes a department record or a webhook nonce count only once.
 */
export async function insertFirst<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  keyColumn: keyof T & string,
): Promise<boolean> {
  const inserted = await manager.createQueryBuilder().insert().into(entity).values(row).orIgnore().returning([keyColumn]).execute();
  return (inserted.raw as unknown[]).length > 0;
}
