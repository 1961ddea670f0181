import type { INestApplication } from '@nestjs/common';
import { ApproverRepository } from '../workflow/approver.repository';
import type { DepartmentLegalProfile } from '../documents/legal-profile.entity';
import { LegalProfileRepository } from '../documents/legal-profile.repository';
import type { ItemWorkflow } from '../workflow/item-workflow.entity';
import { ItemWorkflowRepository } from '../workflow/item-workflow.repository';

/**
 * Approvers of the demo departments, by the ids of their demo accounts in the identity service
 * (the token subject), each with a stand-in where the department has two (AB岗: A角 / B角).
 */
const DEMO_APPROVERS: Array<{ id: string; name: string; departmentCode: string; standInId: string | null }> = [
  { id: 'wangshenpi', name: '王审批', departmentCode: 'DCF-SCJGJ', standInId: 'sunfuhe' },
  { id: 'sunfuhe', name: '孙复核', departmentCode: 'DCF-SCJGJ', standInId: 'wangshenpi' },
  { id: 'zhangshenpi', name: '张审批', departmentCode: 'DCF-WJW', standInId: null },
  { id: 'zhoushenpi', name: '周审批', departmentCode: 'DCF-ZJJ', standInId: null },
];

/**
 * The food business permit (食品经营许可) runs 审查 → 审核 → 批准 in the department pool and is
 * numbered in the permit's own scheme (JY + division + year), valid five years.
 */
const DEMO_WORKFLOWS: Array<Omit<ItemWorkflow, 'updatedAt'>> = [
  {
    itemCode: 'DCF-SCJG-XK-001',
    departmentCode: 'DCF-SCJGJ',
    steps: [
      { step: 'examine', assignee: { kind: 'pool' } },
      { step: 'verify', assignee: { kind: 'pool' } },
      { step: 'approve', assignee: { kind: 'pool' } },
    ],
    licenceNumberTemplate: 'JY1371502{yyyy}{seq:5}',
    licenceValidityYears: 5,
    // The demo keeps one approver able to walk a case through; PUT /workflows turns 审批分离 on.
    separateDuties: false,
    updatedBy: 'demo',
  },
];

/**
 * The demo departments' legal profiles (法律文书要素). Under the 2023 行政复议法 a district bureau
 * answers to the district government; a vertically managed one (税务) and the fire service to
 * their superior. The court is the district court; a real deployment enters its own.
 */
const DISTRICT_GOVERNMENT = '聊城市东昌府区人民政府';
const DISTRICT_COURT = '聊城市东昌府区人民法院';
const DEMO_LEGAL_PROFILES: Array<Omit<DepartmentLegalProfile, 'updatedAt' | 'updatedBy'>> = [
  {
    departmentCode: 'DCF-SCJGJ',
    authorityName: '聊城市东昌府区市场监督管理局',
    documentPrefix: '东市监',
    reviewAuthority: DISTRICT_GOVERNMENT,
    court: DISTRICT_COURT,
    address: '聊城市东昌府区柳园南路88号',
    phone: '0635-8456123',
  },
  {
    departmentCode: 'DCF-WJW',
    authorityName: '聊城市东昌府区卫生健康委员会',
    documentPrefix: '东卫健',
    reviewAuthority: DISTRICT_GOVERNMENT,
    court: DISTRICT_COURT,
    address: '聊城市东昌府区东昌路56号',
    phone: '0635-8213456',
  },
  {
    departmentCode: 'DCF-ZJJ',
    authorityName: '聊城市东昌府区住房和城乡建设局',
    documentPrefix: '东住建',
    reviewAuthority: DISTRICT_GOVERNMENT,
    court: DISTRICT_COURT,
    address: '聊城市东昌府区花园北路17号',
    phone: '0635-8245678',
  },
  {
    departmentCode: 'DCF-ZHZF',
    authorityName: '聊城市东昌府区综合行政执法局',
    documentPrefix: '东综执',
    reviewAuthority: DISTRICT_GOVERNMENT,
    court: DISTRICT_COURT,
    address: '聊城市东昌府区建设路102号',
    phone: '0635-8267890',
  },
  {
    departmentCode: 'DCF-STHJ',
    authorityName: '聊城市生态环境局东昌府分局',
    documentPrefix: '聊环东',
    reviewAuthority: DISTRICT_GOVERNMENT,
    court: DISTRICT_COURT,
    address: '聊城市东昌府区光岳路21号',
    phone: '0635-8278901',
  },
  {
    departmentCode: 'DCF-XFJY',
    authorityName: '聊城市东昌府区消防救援大队',
    documentPrefix: '东消',
    reviewAuthority: '聊城市消防救援支队',
    court: DISTRICT_COURT,
    address: '聊城市东昌府区振兴路9号',
    phone: '0635-8289012',
  },
  {
    departmentCode: 'DCF-SWJ',
    authorityName: '国家税务总局聊城市东昌府区税务局',
    documentPrefix: '东税',
    reviewAuthority: '国家税务总局聊城市税务局',
    court: DISTRICT_COURT,
    address: '聊城市东昌府区湖南路33号',
    phone: '0635-12366',
  },
];

export async function seedApprovalDemoData(app: INestApplication): Promise<void> {
  const approvers = app.get(ApproverRepository);
  if (await approvers.exists()) return;
  const names = new Map(DEMO_APPROVERS.map((a) => [a.id, a.name]));
  await approvers.saveAll(
    DEMO_APPROVERS.map((a) => ({
      id: a.id,
      name: a.name,
      departmentCode: a.departmentCode,
      standInId: a.standInId,
      standInName: a.standInId ? (names.get(a.standInId) ?? null) : null,
      away: false,
      awayReason: null,
    })),
  );
  await app.get(ItemWorkflowRepository).saveAll(DEMO_WORKFLOWS);
  await app.get(LegalProfileRepository).saveAll(DEMO_LEGAL_PROFILES.map((profile) => ({ ...profile, updatedBy: 'demo' })));
}
