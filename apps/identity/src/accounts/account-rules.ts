import { ALL_DEPARTMENTS_ROLES, DEPARTMENT_ROLES, type DomainError, type FieldError, type Role } from '@onewindow/platform';
import type { Department, Level } from '../departments/department.entity';
import { IDENTITY_ERRORS } from '../identity-errors';
import type { AccountStatus } from './account.entity';

/** User names: lower-case letters first, then letters, digits, `_`, `.`, `-`; 3 to 32 characters. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

/** Where an account sits: its role and its department or service centre. */
export interface Placement {
  role: Role;
  departmentCode: string | null;
}

/**
 * Whether a role and a department go together, and the level the account takes from its unit:
 * department roles belong to an approving or supervising department; a window clerk belongs to a
 * service centre (whose level, district / town / village, decides what the window may accept);
 * administrators and centre management see every department and may belong to none.
 */
export function checkPlacement(placement: Placement, department: Department | undefined): { problems: FieldError[]; level: Level | null } {
  const problems: FieldError[] = [];
  const { role, departmentCode } = placement;
  if (role === 'applicant') {
    problems.push({ path: 'role', code: 'ROLE_NOT_FOR_STAFF', message: '申请人不使用工作人员账户，请选择工作人员岗位' });
  }
  if (departmentCode && !department) {
    problems.push({ path: 'departmentCode', code: 'DEPARTMENT_UNKNOWN', message: `未找到编码为“${departmentCode}”的部门或服务中心` });
  } else if (DEPARTMENT_ROLES.includes(role) && department?.kind !== 'department') {
    problems.push({ path: 'departmentCode', code: 'DEPARTMENT_REQUIRED', message: '审批、监管和集成岗位须选择所属部门' });
  } else if (role === 'clerk' && department?.kind !== 'service-centre') {
    problems.push({ path: 'departmentCode', code: 'SERVICE_CENTRE_REQUIRED', message: '综合窗口人员须选择所属政务服务中心或便民服务中心' });
  } else if (ALL_DEPARTMENTS_ROLES.includes(role) && department?.kind === 'department') {
    problems.push({
      path: 'departmentCode',
      code: 'DEPARTMENT_NOT_ALLOWED',
      message: '系统管理员和中心管理人员可查看所有部门，不隶属于单个审批部门',
    });
  }
  return { problems, level: department?.level ?? null };
}

/** The account an administrator is about to change, and the change. */
export interface AdministrativeChange {
  actorId: string;
  target: { id: string; role: Role; status: AccountStatus };
  next: { role: Role; status: AccountStatus };
  /** Active administrators now, the target included when it is one. */
  activeAdministrators: number;
}

/**
 * An administrator cannot lock themselves out, nor leave the platform without an active
 * administrator: no disabling or demoting oneself, nor the last active admin.
 */
export function lockOutProblem(change: AdministrativeChange): DomainError | undefined {
  const { actorId, target, next } = change;
  const losesAdmin = target.role === 'admin' && target.status === 'active' && (next.role !== 'admin' || next.status !== 'active');
  if (!losesAdmin && !(target.id === actorId && next.status !== 'active')) return undefined;
  if (target.id === actorId) return IDENTITY_ERRORS.CANNOT_LOCK_SELF_OUT();
  if (change.activeAdministrators <= 1) return IDENTITY_ERRORS.LAST_ADMINISTRATOR();
  return undefined;
}
