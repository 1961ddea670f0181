import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Approver } from '../workflow/approver.entity';
import { ItemWorkflow } from '../workflow/item-workflow.entity';

/** Approvers of the demo departments, each with a stand-in (AB岗: A角 / B角). */
const DEMO_APPROVERS: Array<{ id: string; name: string; departmentCode: string; standInId: string | null }> = [
  { id: 'scjg-wang', name: '王立新', departmentCode: 'DCF-SCJGJ', standInId: 'scjg-liu' },
  { id: 'scjg-liu', name: '刘海燕', departmentCode: 'DCF-SCJGJ', standInId: 'scjg-wang' },
  { id: 'scjg-zhao', name: '赵明远', departmentCode: 'DCF-SCJGJ', standInId: 'scjg-liu' },
  { id: 'wjw-chen', name: '陈静', departmentCode: 'DCF-WJW', standInId: 'wjw-sun' },
  { id: 'wjw-sun', name: '孙建国', departmentCode: 'DCF-WJW', standInId: 'wjw-chen' },
  { id: 'xf-zhou', name: '周振华', departmentCode: 'DCF-XFJY', standInId: 'xf-wu' },
  { id: 'xf-wu', name: '吴晓东', departmentCode: 'DCF-XFJY', standInId: 'xf-zhou' },
  { id: 'zjj-li', name: '李志强', departmentCode: 'DCF-ZJJ', standInId: 'zjj-he' },
  { id: 'zjj-he', name: '何文杰', departmentCode: 'DCF-ZJJ', standInId: 'zjj-li' },
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
