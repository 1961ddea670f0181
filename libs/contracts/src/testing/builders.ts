import { randomUUID } from 'node:crypto';
import type { CaseDecidedV1, LicenceIssuedV1 } from '../events/approval.events';
import type {
  DepartmentResultReceivedV1,
  DepartmentSupplementRequestReceivedV1,
  SupervisionRecordReceivedV1,
} from '../events/bridge.events';
import type { ApplicationAcceptedV1, ApplicationPartV1 } from '../events/intake.events';
import type {
  RevocationRequestedV1,
  SupervisionNoticeAcknowledgedV1,
  SupervisionNoticeEscalatedV1,
  SupervisionRecordPublishedV1,
} from '../events/supervision.events';

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

export function aSupervisionRecord(overrides: Partial<SupervisionRecordPublishedV1> = {}): SupervisionRecordPublishedV1 {
  return {
    recordId: randomUUID(),
    kind: 'blacklist',
    holder: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
    department: { code: 'DCF-RSJ', name: '东昌府区人力资源和社会保障局' },
    title: '拖欠农民工工资失信联合惩戒对象',
    documentNumber: '东人社失信〔2026〕7号',
    decidedOn: '2026-01-10',
    validUntil: '2027-01-09',
    withdrawn: false,
    publishedBy: { kind: 'person', id: 'sup-rsj-1', name: '马监管' },
    publishedAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function aRevocationRequest(overrides: Partial<RevocationRequestedV1> = {}): RevocationRequestedV1 {
  return {
    requestId: randomUUID(),
    licenceId: randomUUID(),
    licenceNumber: 'DCF-SCJGJ-2026-000001',
    applicationId: randomUUID(),
    reason: '告知承诺核查：承诺的经营场所与实际不符，承诺不实',
    requestedByDepartment: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    requestedBy: { kind: 'person', id: 'sup-scjg-1', name: '张监管' },
    requestedAt: '2026-04-01T02:00:00.000Z',
    ...overrides,
  };
}

export function aDepartmentResult(overrides: Partial<DepartmentResultReceivedV1> = {}): DepartmentResultReceivedV1 {
  return {
    resultId: `SCJG-RESULT-${randomUUID().slice(0, 8)}`,
    applicationId: randomUUID(),
    partId: randomUUID(),
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    system: { kind: 'department-system', id: 'scjg-qydj', name: '市场监管局企业登记系统' },
    outcome: 'approved',
    licence: { number: '91371502MA3C8XYZ1P', scope: '餐饮服务；食品销售' },
    decidedAt: '2026-03-06T03:00:00.000Z',
    ...overrides,
  };
}

export function aDepartmentSupplementRequest(
  overrides: Partial<DepartmentSupplementRequestReceivedV1> = {},
): DepartmentSupplementRequestReceivedV1 {
  return {
    requestId: `ZJJ-BZ-${randomUUID().slice(0, 8)}`,
    applicationId: randomUUID(),
    partId: randomUUID(),
    department: { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' },
    system: { kind: 'department-system', id: 'dcf-zjj-sgxk', name: '住建局施工许可系统' },
    materials: [{ materialCode: 'M03', materialName: '施工合同', problem: '合同价款与申请表所填合同价格不一致' }],
    reason: '施工合同与申请表不一致，请补正',
    requestedAt: '2026-03-06T02:00:00.000Z',
    receivedAt: '2026-03-06T02:00:05.000Z',
    ...overrides,
  };
}

export function aNoticeAcknowledged(overrides: Partial<SupervisionNoticeAcknowledgedV1> = {}): SupervisionNoticeAcknowledgedV1 {
  return {
    noticeId: randomUUID(),
    licenceId: randomUUID(),
    applicationId: randomUUID(),
    supervisingDepartment: { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    acknowledgeBy: '2026-03-12T06:00:00.000Z',
    onTime: true,
    acknowledgedBy: { kind: 'person', id: 'sup-wjw-1', name: '赵监管' },
    acknowledgedAt: '2026-03-10T01:30:00.000Z',
    ...overrides,
  };
}

export function aNoticeEscalated(overrides: Partial<SupervisionNoticeEscalatedV1> = {}): SupervisionNoticeEscalatedV1 {
  return {
    noticeId: randomUUID(),
    licenceId: randomUUID(),
    applicationId: randomUUID(),
    supervisingDepartment: { code: 'DCF-WJW', name: '东昌府区卫生健康委员会' },
    acknowledgeBy: '2026-03-12T06:00:00.000Z',
    escalatedAt: '2026-03-12T06:05:00.000Z',
    ...overrides,
  };
}

export function aSupervisionRecordReceived(overrides: Partial<SupervisionRecordReceivedV1> = {}): SupervisionRecordReceivedV1 {
  // A penalty has no validity period: leave validUntil out.
  const { validUntil: _none, ...penalty } = aSupervisionRecord({
    kind: 'penalty',
    department: { code: 'DCF-XFJY', name: '东昌府区消防救援大队' },
    title: '消防安全检查不合格（疏散通道堵塞）',
    documentNumber: '东消行罚决字〔2026〕0012号',
    decidedOn: '2026-03-02',
    publishedBy: { kind: 'department-system', id: 'xfjy-jdjc', name: '消防监督检查系统' },
    publishedAt: '2026-03-02T08:00:00.000Z',
  });
  return { ...penalty, sourceRecordId: 'XF-CF-2026-0012', ...overrides };
}
