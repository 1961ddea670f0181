import type { DemoAccount, Role } from '@onewindow/platform';
import type { Department } from '../departments/department.entity';

/** The one password of every demo account (embedded default and test platforms only). */
export const DEMO_PASSWORD = 'Demo@2026';

type DemoDepartment = Pick<Department, 'code' | 'name' | 'kind' | 'level'>;

/** The departments of the demo catalogue (聊城市东昌府区) and the two service centres whose clerks work its windows. */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: 'DCF-ZWFWZX', name: '东昌府区政务服务中心综合窗口', kind: 'service-centre', level: 'district' },
  { code: 'DCF-GLJD-BMFW', name: '古楼街道便民服务中心', kind: 'service-centre', level: 'town' },
  ...(
    [
      ['DCF-SCJGJ', '东昌府区市场监督管理局'],
      ['DCF-WJW', '东昌府区卫生健康委员会'],
      ['DCF-XFJY', '东昌府区消防救援大队'],
      ['DCF-ZJJ', '东昌府区住房和城乡建设局'],
      ['DCF-XZSPFWJ', '东昌府区行政审批服务局'],
      ['DCF-ZHZF', '东昌府区综合行政执法局'],
      ['DCF-GAFJ', '聊城市公安局东昌府分局'],
      ['DCF-RSJ', '东昌府区人力资源和社会保障局'],
      ['DCF-YBJ', '东昌府区医疗保障局'],
      ['DCF-MZJ', '东昌府区民政局'],
      ['DCF-SWJ', '国家税务总局聊城市东昌府区税务局'],
      ['DCF-BDCDJ', '东昌府区不动产登记中心'],
      ['DCF-JTYSJ', '东昌府区交通运输局'],
      ['DCF-STHJ', '聊城市生态环境局东昌府分局'],
      ['DCF-JTJ', '东昌府区教育和体育局'],
      ['DCF-YCJ', '东昌府区烟草专卖局'],
    ] as const
  ).map(([code, name]) => ({ code, name, kind: 'department' as const, level: 'district' as const })),
];

interface DemoAccountRow {
  /** Also the account id: the approval service's approver directory knows the approvers by it. */
  username: string;
  displayName: string;
  role: Role;
  departmentCode?: string;
}

/** One account per role the console serves (console-shared.md); the approvers are approval's demo approver directory. */
const DEMO_ACCOUNT_ROWS: readonly DemoAccountRow[] = [
  { username: 'lishouli', displayName: '李受理', role: 'clerk', departmentCode: 'DCF-ZWFWZX' },
  { username: 'zhaochuang', displayName: '赵窗口', role: 'clerk', departmentCode: 'DCF-GLJD-BMFW' },
  { username: 'wangshenpi', displayName: '王审批', role: 'approver', departmentCode: 'DCF-SCJGJ' },
  { username: 'sunfuhe', displayName: '孙复核', role: 'approver', departmentCode: 'DCF-SCJGJ' },
  { username: 'zhangshenpi', displayName: '张审批', role: 'approver', departmentCode: 'DCF-WJW' },
  { username: 'zhoushenpi', displayName: '周审批', role: 'approver', departmentCode: 'DCF-ZJJ' },
  { username: 'liujianguan', displayName: '刘监管', role: 'supervisor', departmentCode: 'DCF-SCJGJ' },
  { username: 'chenkezhang', displayName: '陈科长', role: 'supervisor-head', departmentCode: 'DCF-SCJGJ' },
  { username: 'zhouzhuren', displayName: '周主任', role: 'manager' },
  { username: 'jicheng', displayName: '冀集成', role: 'integrator', departmentCode: 'DCF-WJW' },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
];

export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccountRow & DemoAccount> = DEMO_ACCOUNT_ROWS.map((row) => ({
  ...row,
  password: DEMO_PASSWORD,
  unit: DEMO_DEPARTMENTS.find((d) => d.code === row.departmentCode)?.name ?? '全部部门',
}));
