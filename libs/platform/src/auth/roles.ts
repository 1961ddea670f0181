/**
 * clerk 综合窗口人员, approver 审批人员, supervisor 监管人员, supervisor-head 监管部门负责人
 * (receives escalated notices), integrator 部门系统/集成工程师, admin 平台管理员, applicant 申请人,
 * manager 中心管理/电子监察.
 */
export const ROLES = ['clerk', 'approver', 'supervisor', 'supervisor-head', 'integrator', 'admin', 'applicant', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work belongs to one department; their token must name it. */
export const DEPARTMENT_ROLES: readonly Role[] = ['approver', 'supervisor', 'supervisor-head', 'integrator'];

/** Roles that see every department's data. */
export const ALL_DEPARTMENTS_ROLES: readonly Role[] = ['admin', 'manager'];

export interface AuthenticatedUser {
  id: string;
  name: string;
  role: Role;
  /** Department code; required for department roles. */
  department?: string;
  /** Service centre level for clerks: district / town / village. */
  level?: string;
}
