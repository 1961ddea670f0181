import type { ServiceItem } from './service-item.entity';

type DemoItem = Omit<ServiceItem, 'id' | 'version' | 'current' | 'createdAt'>;

const SCJG = { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' };
const WJW = { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' };
const XF = { code: 'DCF-XFJY', name: '东昌府区消防救援大队' };
const ZJ = { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' };
const SPJ = { code: 'DCF-XZSPFWJ', name: '东昌府区行政审批服务局' };

/**
 * Demo catalogue of the embedded default: real item names of a district centre (聊城市东昌府区).
 * The full standard catalogue (事项标准库) is loaded by import; this is what a newcomer sees first.
 */
export const DEMO_CATALOGUE: DemoItem[] = [
  {
    code: 'DCF-SCJG-XK-001',
    name: '食品经营许可（新办）',
    departmentCode: SCJG.code,
    departmentName: SCJG.name,
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 5,
    supervisingDepartments: [SCJG, WJW],
    handledInDepartmentSystem: false,
    materials: [
      {
        code: 'M01',
        name: '食品经营许可申请书',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '申请人签字或盖章',
      },
      {
        code: 'M02',
        name: '营业执照复印件',
        form: 'copy',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '加盖公章',
      },
      {
        code: 'M03',
        name: '食品安全管理制度文本',
        form: 'original',
        copies: 1,
        mayFollowLater: true,
        pledgeAllowed: true,
        requirement: '包括从业人员健康管理、进货查验记录等制度',
      },
    ],
  },
  {
    code: 'DCF-SCJG-DJ-001',
    name: '企业设立登记',
    departmentCode: SCJG.code,
    departmentName: SCJG.name,
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 15,
    committedWorkingDays: 1,
    supervisingDepartments: [SCJG],
    handledInDepartmentSystem: true,
    materials: [
      {
        code: 'M01',
        name: '公司登记（备案）申请书',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '全体股东签字',
      },
      {
        code: 'M02',
        name: '公司章程',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '全体股东签署',
      },
    ],
  },
  {
    code: 'DCF-WJW-XK-003',
    name: '公共场所卫生许可（新办）',
    departmentCode: WJW.code,
    departmentName: WJW.name,
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 7,
    supervisingDepartments: [WJW],
    handledInDepartmentSystem: true,
    materials: [
      {
        code: 'M01',
        name: '公共场所卫生许可申请表',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '法定代表人签字',
      },
      {
        code: 'M02',
        name: '卫生检测报告',
        form: 'original',
        copies: 1,
        mayFollowLater: true,
        pledgeAllowed: false,
        requirement: '具备资质的检测机构出具',
      },
    ],
  },
  {
    code: 'DCF-XF-JC-002',
    name: '公众聚集场所投入使用、营业前消防安全检查',
    departmentCode: XF.code,
    departmentName: XF.name,
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 10,
    committedWorkingDays: 7,
    supervisingDepartments: [XF],
    handledInDepartmentSystem: true,
    materials: [
      {
        code: 'M01',
        name: '公众聚集场所投入使用、营业消防安全告知承诺书',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '申请人签字',
      },
    ],
  },
  {
    code: 'DCF-ZJ-XK-011',
    name: '城镇污水排入排水管网许可',
    departmentCode: ZJ.code,
    departmentName: ZJ.name,
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 10,
    supervisingDepartments: [ZJ],
    handledInDepartmentSystem: false,
    materials: [
      {
        code: 'M01',
        name: '排水许可申请表',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '加盖公章',
      },
    ],
  },
  {
    code: 'DCF-SPJ-GG-005',
    name: '户外广告设施设置审批',
    departmentCode: SPJ.code,
    departmentName: SPJ.name,
    kind: '行政许可',
    handlingType: 'immediate',
    legalWorkingDays: 20,
    committedWorkingDays: 0,
    supervisingDepartments: [{ code: 'DCF-ZHZF', name: '东昌府区综合行政执法局' }],
    handledInDepartmentSystem: false,
    materials: [
      {
        code: 'M01',
        name: '户外广告设置申请表',
        form: 'original',
        copies: 1,
        mayFollowLater: false,
        pledgeAllowed: false,
        requirement: '申请人签字或盖章',
      },
    ],
  },
];
