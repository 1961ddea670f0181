import { IsNull, type FindOperator } from 'typeorm';
import { ALL_DEPARTMENTS_ROLES, type AuthenticatedUser } from './roles';

/**
 * Whose data a user may see: every department's (admin, management), one department's (an
 * approver, supervisor or integrator), or none (a role without a department, e.g. a clerk or an
 * applicant — it must never fall through to "everything"). A resource outside the scope is answered
 * as "not found", so its existence is not disclosed.
 */
export type DepartmentScope = { readonly kind: 'all' } | { readonly kind: 'department'; readonly code: string } | { readonly kind: 'none' };

export function departmentScope(user: AuthenticatedUser): DepartmentScope {
  if (ALL_DEPARTMENTS_ROLES.includes(user.role)) return { kind: 'all' };
  if (!user.department) return { kind: 'none' };
  return { kind: 'department', code: user.department };
}

export function isInScope(user: AuthenticatedUser, departmentCode: string): boolean {
  return scopeAdmits(departmentScope(user), departmentCode);
}

export function scopeAdmits(scope: DepartmentScope, departmentCode: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return scope.code === departmentCode;
    case 'none':
      return false;
  }
}

/**
 * The scope as a TypeORM condition on a `departmentCode` column: nothing for all, the department's
 * code, or — for no department — rows without one, which department-owned tables never hold.
 */
export function departmentCondition(scope: DepartmentScope): { departmentCode?: string | FindOperator<string> } {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'department':
      return { departmentCode: scope.code };
    case 'none':
      return { departmentCode: IsNull() };
  }
}
