import type { Department } from '../departments/department.entity';
import { checkPlacement, lockOutProblem, USERNAME_PATTERN, type AdministrativeChange } from './account-rules';

function aDepartment(overrides: Partial<Department> = {}): Department {
  return {
    code: 'DCF-SCJGJ',
    name: '东昌府区市场监督管理局',
    kind: 'department',
    level: 'district',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}
const townCentre = aDepartment({ code: 'DCF-GLJD-BMFW', name: '古楼街道便民服务中心', kind: 'service-centre', level: 'town' });

describe('where an account may sit', () => {
  it('puts an approver in an approving department', () => {
    expect(checkPlacement({ role: 'approver', departmentCode: 'DCF-SCJGJ' }, aDepartment())).toEqual({ problems: [], level: 'district' });
  });

  it('puts a window clerk in a service centre and takes the centre’s level', () => {
    expect(checkPlacement({ role: 'clerk', departmentCode: townCentre.code }, townCentre)).toEqual({ problems: [], level: 'town' });
  });

  it('refuses a department role without a department, and a clerk in a department', () => {
    expect(checkPlacement({ role: 'supervisor', departmentCode: null }, undefined).problems).toEqual([
      expect.objectContaining({ path: 'departmentCode', code: 'DEPARTMENT_REQUIRED' }),
    ]);
    expect(checkPlacement({ role: 'clerk', departmentCode: 'DCF-SCJGJ' }, aDepartment()).problems).toEqual([
      expect.objectContaining({ code: 'SERVICE_CENTRE_REQUIRED' }),
    ]);
    expect(checkPlacement({ role: 'approver', departmentCode: townCentre.code }, townCentre).problems).toEqual([
      expect.objectContaining({ code: 'DEPARTMENT_REQUIRED' }),
    ]);
  });

  it('names an unknown department, and refuses the applicant role for staff', () => {
    expect(checkPlacement({ role: 'approver', departmentCode: 'DCF-NONE' }, undefined).problems).toEqual([
      expect.objectContaining({ code: 'DEPARTMENT_UNKNOWN', message: '未找到编码为“DCF-NONE”的部门或服务中心' }),
    ]);
    expect(checkPlacement({ role: 'applicant', departmentCode: null }, undefined).problems).toEqual([
      expect.objectContaining({ path: 'role', code: 'ROLE_NOT_FOR_STAFF' }),
    ]);
  });

  it('lets administrators and centre management belong to no department', () => {
    expect(checkPlacement({ role: 'admin', departmentCode: null }, undefined)).toEqual({ problems: [], level: null });
    expect(checkPlacement({ role: 'manager', departmentCode: 'DCF-SCJGJ' }, aDepartment()).problems).toEqual([
      expect.objectContaining({ code: 'DEPARTMENT_NOT_ALLOWED' }),
    ]);
  });

  it('takes user names of lower-case letters, digits and a few marks', () => {
    expect(['lishouli', 'wang.shenpi', 'zhou_2'].every((name) => USERNAME_PATTERN.test(name))).toBe(true);
    expect(['Li', '李受理', '2wang', 'a b c'].some((name) => USERNAME_PATTERN.test(name))).toBe(false);
  });
});

describe('an administrator cannot lock themselves out', () => {
  const change = (overrides: Partial<AdministrativeChange> & Pick<AdministrativeChange, 'next'>): AdministrativeChange => ({
    actorId: 'admin',
    target: { id: 'admin', role: 'admin', status: 'active' },
    activeAdministrators: 2,
    ...overrides,
  });

  it('refuses disabling or demoting oneself', () => {
    expect(lockOutProblem(change({ next: { role: 'admin', status: 'disabled' } }))?.code).toBe('CANNOT_LOCK_SELF_OUT');
    expect(lockOutProblem(change({ next: { role: 'manager', status: 'active' } }))?.code).toBe('CANNOT_LOCK_SELF_OUT');
  });

  it('refuses disabling or demoting the last active administrator', () => {
    expect(
      lockOutProblem(
        change({
          target: { id: 'admin2', role: 'admin', status: 'active' },
          activeAdministrators: 1,
          next: { role: 'admin', status: 'disabled' },
        }),
      )?.code,
    ).toBe('LAST_ADMINISTRATOR');
  });

  it('allows disabling another administrator while one stays, and any change to other accounts', () => {
    expect(
      lockOutProblem(change({ target: { id: 'admin2', role: 'admin', status: 'active' }, next: { role: 'admin', status: 'disabled' } })),
    ).toBeUndefined();
    expect(
      lockOutProblem(
        change({
          target: { id: 'wangshenpi', role: 'approver', status: 'active' },
          activeAdministrators: 1,
          next: { role: 'approver', status: 'disabled' },
        }),
      ),
    ).toBeUndefined();
    expect(lockOutProblem(change({ next: { role: 'admin', status: 'active' } }))).toBeUndefined();
  });
});
