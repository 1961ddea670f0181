import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Approver } from '../workflow/approver.entity';
import { ItemWorkflow } from '../workflow/item-workflow.entity';

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
    updatedBy: 'demo',
  },
];

export async function seedApprovalDemoData(app: INestApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const approvers = dataSource.getRepository(Approver);
  if ((await approvers.count()) > 0) return;
  const names = new Map(DEMO_APPROVERS.map((a) => [a.id, a.name]));
  await approvers.save(
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
  await dataSource.getRepository(ItemWorkflow).save(DEMO_WORKFLOWS);
}
