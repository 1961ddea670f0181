import { departmentCondition, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/**
 * A row of the user's department under a row lock, or null: a notice, record or verification task
 * of another department is "not found" (its existence is not disclosed), and a change of one row
 * never interleaves with another change of it.
 */
export async function lockInDepartment<T extends { id: string; departmentCode: string }>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  user: AuthenticatedUser,
  id: string,
): Promise<T | null> {
  const where = { id, ...departmentCondition(departmentScope(user)) } as FindOptionsWhere<T>;
  return tx.getRepository(entity).findOne({ where, lock: { mode: 'pessimistic_write' } });
}
