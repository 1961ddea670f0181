import { departmentCondition, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/**
 * A row of the user's department under a row lock, or the aggregate's 404 (`notFound`): a notice,
 * record or verification task of another department is not found either (its existence is not
 * disclosed), and a change of one row never interleaves with another change of it.
 */
export async function lockInDepartmentOrFail<T extends { id: string; departmentCode: string }>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  user: AuthenticatedUser,
  id: string,
  notFound: () => Error,
): Promise<T> {
  const where = { id, ...departmentCondition(departmentScope(user)) } as FindOptionsWhere<T>;
  const found = await tx.getRepository(entity).findOne({ where, lock: { mode: 'pessimistic_write' } });
  if (!found) throw notFound();
  return found;
}
