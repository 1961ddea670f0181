import { ALL_DEPARTMENTS_ROLES, type AuthenticatedUser } from './roles';

/**
 * The department filter every query of a department's data must apply: an approver or
 * supervisor sees their own department only; admin and management see all. A resource of
 * another department is answered as "not found", so its existence is not disclosed.
 */
export function departmentScope(user: AuthenticatedUser): { department?: string } {
  if (ALL_DEPARTMENTS_ROLES.includes(user.role)) return {};
  if (!user.department) {
    // A role without a department (clerk, applicant) must not fall through to "everything".
    return { department: '\u0000none' };
  }
  return { department: user.department };
}

export function isInScope(user: AuthenticatedUser, departmentCode: string): boolean {
  const scope = departmentScope(user);
  return scope.department === undefined || scope.department === departmentCode;
}
