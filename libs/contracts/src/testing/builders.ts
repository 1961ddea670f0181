import { randomUUID } from 'node:crypto';
import type { CaseDecidedV1, LicenceIssuedV1 } from '../events/approval.events';
import type { ApplicationAcceptedV1, ApplicationPartV1 } from '../events/intake.events';

/**
 * Realistic payloads for tests (a restaurant opening in 聊城市东昌府区). Every call has fresh
 * ids; pass overrides for what the test is about.
 */
export function anApplicationPart(overrides: Partial<ApplicationPartV1> = {}): ApplicationPartV1 {
  return {
    partId: randomUUID(),
    itemCode: 'DCF-SCJG-XK-001',
    itemVersion: 1,
    itemName: '食品经营许可（新办）',
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    handlingType: 'committed',
    committedWorkingDays: 5,
    legalWorkingDays: 20,
    promisedDeadline: '2026-03-12',
    supervisingDepartments: [
      { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
      { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    ],
    deficiencies: [],
    pledges: [],
    handledInDepartmentSystem: false,
    ...overrides,
  };
}

export function anApplicationAccepted(overrides: Partial<ApplicationAcceptedV1> = {}): ApplicationAcceptedV1 {
  return {
    applicationId: randomUUID(),
    applicationNumber: 'YC20260305000123',
    acceptedAt: '2026-03-05T02:30:00.000Z',
    channel: 'window',
    level: 'district',
    applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43', phone: '13812345678' },
    parts: [anApplicationPart()],
    acceptedBy: { kind: 'person', id: 'clerk-001', name: '李受理' },
    ...overrides,
  };
}

export function aCaseDecided(overrides: Partial<CaseDecidedV1> = {}): CaseDecidedV1 {
  return {
    applicationId: randomUUID(),
    partId: randomUUID(),
    caseId: randomUUID(),
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    outcome: 'approved',
    licence: { licenceId: randomUUID(), licenceNumber: 'DCF-SCJGJ-2026-000001' },
    decidedBy: { kind: 'person', id: 'approver-001', name: '王审批' },
    decidedAt: '2026-03-09T06:00:00.000Z',
    ...overrides,
  };
}

export function aLicenceIssued(overrides: Partial<LicenceIssuedV1> = {}): LicenceIssuedV1 {
  return {
    licenceId: randomUUID(),
    licenceNumber: 'DCF-SCJGJ-2026-000001',
    applicationId: randomUUID(),
    partId: randomUUID(),
    itemCode: 'DCF-SCJG-XK-001',
    itemName: '食品经营许可（新办）',
    issuingDepartment: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
    validFrom: '2026-03-09',
    validUntil: '2031-03-08',
    scope: '热食类食品制售',
    supervisingDepartments: [
      { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
      { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    ],
    pledges: [],
    issuedAt: '2026-03-09T06:00:00.000Z',
    ...overrides,
  };
}
