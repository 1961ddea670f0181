import type { ActorV1 } from '@onewindow/contracts';
import { departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ApprovalCase } from './approval-case.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

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
  if (!found) throw APPROVAL_ERRORS.CASE_NOT_FOUND();
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
    throw APPROVAL_ERRORS.CASE_ALREADY_DECIDED();
  }
}

/**
 * 退回补正: while the applicant owes the materials a department asked for, the case takes no step
 * and no decision; it goes on when they are supplied at the window or the request is withdrawn.
 */
export function assertNotAwaitingSupplement(approvalCase: ApprovalCase): void {
  if (approvalCase.suspendedFor === 'supplement') {
    throw APPROVAL_ERRORS.AWAITING_SUPPLEMENT();
  }
}
