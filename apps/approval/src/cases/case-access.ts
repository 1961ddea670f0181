import type { ActorV1 } from '@onewindow/contracts';
import { DomainError, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ApprovalCase } from './approval-case.entity';

/**
 * Every read and write of a case goes through here, so department scoping is in one place. A
 * case of another department is "not found": its existence is not disclosed. The lead department
 * of a bundle (牵头部门) may read every part of it, but decides only its own.
 */
export async function findCaseInScope(
  tx: EntityManager,
  user: AuthenticatedUser,
  id: string,
  access: 'read' | 'write',
): Promise<ApprovalCase> {
  const query = tx.getRepository(ApprovalCase).createQueryBuilder('c').where('c.id = :id', { id });
  scopeCases(query, user, access);
  if (access === 'write') query.setLock('pessimistic_write');
  const found = await query.getOne();
  if (!found) throw new DomainError('CASE_NOT_FOUND', '未找到该办件', 404);
  return found;
}

export function scopeCases(query: SelectQueryBuilder<ApprovalCase>, user: AuthenticatedUser, access: 'read' | 'write'): void {
  const scope = departmentScope(user);
  if (scope.kind === 'all') return;
  if (scope.kind === 'none') {
    query.andWhere('false');
    return;
  }
  const department = scope.code;
  if (access === 'write') {
    query.andWhere('c.department_code = :scopeDepartment', { scopeDepartment: department });
    return;
  }
  query.andWhere(
    new Brackets((where) => {
      where
        .where('c.department_code = :scopeDepartment', { scopeDepartment: department })
        .orWhere('c.lead_department_code = :scopeDepartment', { scopeDepartment: department });
    }),
  );
}

export function actorOf(user: AuthenticatedUser): ActorV1 {
  return { kind: 'person', id: user.id, name: user.name };
}

/** A decided case takes no more work. */
export function assertOpen(approvalCase: ApprovalCase): void {
  if (approvalCase.status !== 'open') {
    throw new DomainError('CASE_ALREADY_DECIDED', '该办件已作出决定，不能再办理', 409);
  }
}

/**
 * 退回补正: while the applicant owes the materials a department asked for, the case takes no step
 * and no decision; it goes on when they are supplied at the window or the request is withdrawn.
 */
export function assertNotAwaitingSupplement(approvalCase: ApprovalCase): void {
  if (approvalCase.suspendedFor === 'supplement') {
    throw new DomainError('AWAITING_SUPPLEMENT', '该办件已退回补正，须待申请人补齐材料（或撤回补正要求）后方可继续办理', 409);
  }
}
