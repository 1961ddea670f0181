/**
 * Test data as the services answer it (types generated from their OpenAPI documents): one builder
 * per view, realistic demo values, overridable field by field. Component and unit tests only.
 */
import type { ApprovalCase, ClockEntry, StepRecord } from '@/api/approval';
import type { ApplicationPart, ApplicationView, MaterialRequirement, ServiceBundle, ServiceItem } from '@/api/intake';
import type { Notice, PledgeVerification, SupervisionRecord } from '@/api/supervision';

/** Where a service answers null but its document does not say so yet (nullable enums). */
const NONE = null as never;

export const WANG = { kind: 'person' as const, id: 'wangshenpi', name: '王审批' };
export const SUN = { kind: 'person' as const, id: 'sunfuhe', name: '孙复核' };

export function aMaterial(code: string, overrides: Partial<MaterialRequirement> = {}): MaterialRequirement {
  return {
    code,
    name: `材料${code}`,
    form: 'original',
    copies: 1,
    mayFollowLater: false,
    pledgeAllowed: false,
    requirement: '',
    ...overrides,
  };
}

export function anItem(overrides: Partial<ServiceItem> = {}): ServiceItem {
  return {
    id: '7a1c2a7e-1d0b-4d0f-9a49-1b0a1f6c0c01',
    code: 'DCF-SCJG-XK-001',
    version: 1,
    current: true,
    name: '食品经营许可（新办）',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    kind: '行政许可',
    handlingType: 'committed',
    legalWorkingDays: 20,
    committedWorkingDays: 5,
    supervisingDepartments: [{ code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' }],
    conditions: ['具有与经营的食品品种、数量相适应的经营场所'],
    legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
    fee: { charged: false },
    channels: ['window', 'online'],
    levels: ['district'],
    entrustedToWindow: true,
    questions: [],
    materials: [aMaterial('M01', { name: '食品经营许可申请书' })],
    handledInDepartmentSystem: false,
    createdAt: '2026-01-05T01:00:00.000Z',
    ...overrides,
  };
}

export function aBundle(overrides: Partial<ServiceBundle> = {}): ServiceBundle {
  return {
    id: '7a1c2a7e-1d0b-4d0f-9a49-1b0a1f6c0c02',
    code: 'DCF-YJS-KBCYD',
    version: 1,
    current: true,
    name: '开办餐饮店',
    description: '营业执照、食品经营许可、公共场所卫生许可、消防安全检查一次办',
    leadDepartmentCode: 'DCF-SCJGJ',
    leadDepartmentName: '东昌府区市场监督管理局',
    itemCodes: ['DCF-SCJG-XK-001', 'DCF-WJW-XK-003'],
    createdAt: '2026-01-05T01:00:00.000Z',
    ...overrides,
  };
}

export function aPart(overrides: Partial<ApplicationPart> = {}): ApplicationPart {
  return {
    id: 'p1',
    itemCode: 'DCF-SCJG-XK-001',
    itemVersion: 1,
    itemName: '食品经营许可（新办）',
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    committedWorkingDays: 5,
    feeFen: 0,
    handOff: null,
    form: null,
    promisedDeadline: '2026-03-12',
    status: 'approved',
    received: [],
    deficiencies: [],
    pledges: [],
    licenceNumber: 'JY13715022026000123',
    decisionReason: null,
    supplementRequest: null,
    ...overrides,
  };
}

export function anApplication(parts: ApplicationPart[], overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'a1',
    number: 'YC20260305000123',
    status: 'decided',
    outcome: 'approved',
    channel: 'window',
    level: 'district',
    applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
    agent: null,
    bundle: null,
    situations: {},
    form: null,
    visits: 1,
    receivedVia: 'window',
    payment: null,
    issuance: null,
    contactPhone: null,
    documents: [],
    receivedAt: '2026-03-05T01:00:00.000Z',
    acceptedAt: '2026-03-05T01:00:00.000Z',
    decidedAt: '2026-03-10T01:00:00.000Z',
    parts,
    ...overrides,
  };
}

export function aCase(overrides: Partial<ApprovalCase> = {}): ApprovalCase {
  return {
    id: 'c1',
    applicationId: 'a1',
    partId: 'p1',
    applicationNumber: 'YC20260305000123',
    itemCode: 'DCF-SCJG-XK-001',
    itemName: '食品经营许可（新办）',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
    status: 'open',
    handlingType: 'committed',
    acceptedOn: '2026-03-05',
    promisedWorkingDays: 5,
    deadline: '2026-03-12',
    colour: 'green',
    suspendedFor: NONE,
    suspendedWorkingDays: 0,
    extendedWorkingDays: 0,
    greenChannel: false,
    greenChannelReason: null,
    targetWorkingDays: null,
    currentStep: 'examine',
    assigneeId: null,
    assigneeName: null,
    bundleCode: null,
    bundleName: null,
    leadDepartmentCode: null,
    deficiencies: [],
    supervisingDepartments: [],
    pledges: [],
    handedUpFrom: null,
    openedAt: '2026-03-05T02:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    reason: null,
    legalBasis: null,
    licenceId: null,
    creditOverride: null,
    departmentResultId: null,
    revision: 1,
    createdAt: '2026-03-05T02:00:00.000Z',
    updatedAt: '2026-03-05T02:00:00.000Z',
    workingDaysLeft: 5,
    ...overrides,
  };
}

export function aClockEntry(overrides: Partial<ClockEntry> = {}): ClockEntry {
  return {
    id: 'e1',
    caseId: 'c1',
    kind: 'suspension',
    procedure: 'hearing',
    startOn: '2026-03-06',
    endOn: null,
    workingDays: null,
    reason: '申请人申请听证',
    status: NONE,
    recordedBy: WANG,
    reviewedBy: null,
    reviewNote: null,
    createdAt: '2026-03-06T02:00:00.000Z',
    ...overrides,
  };
}

export function aStepRecord(overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    id: 'r1',
    caseId: 'c1',
    step: 'examine',
    kind: 'completed',
    actor: WANG,
    assigneeId: null,
    assigneeName: null,
    note: null,
    at: '2026-03-05T02:00:00.000Z',
    sequence: '1',
    ...overrides,
  };
}

const LUXI = { kind: 'organisation' as const, name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' };

/** The licence a notice or a verification is about: a food permit of 鲁西餐饮, supervised by the market regulator. */
function aLicenceSubject() {
  return {
    licenceId: '5b0e8c52-5f2a-4c83-9a54-3f7c2d1e0a02',
    licenceNumber: 'JY13715022026000001',
    applicationId: '5b0e8c52-5f2a-4c83-9a54-3f7c2d1e0a03',
    itemCode: 'DCF-SCJG-XK-001',
    itemName: '食品经营许可（新办）',
    issuingDepartmentCode: 'DCF-SCJGJ',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    holder: LUXI,
  };
}

/** A new-holder notice (审管互动) for the market regulator, waiting for 认领. */
export function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: '5b0e8c52-5f2a-4c83-9a54-3f7c2d1e0a01',
    ...aLicenceSubject(),
    status: 'pending',
    acknowledgeBy: '2026-03-12T02:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    escalatedAt: null,
    licenceIssuedAt: '2026-03-10T02:00:00.000Z',
    holderAddress: '山东省聊城市东昌府区柳园街道湖南路1号',
    scope: '热食类食品制售',
    createdAt: '2026-03-10T02:00:01.000Z',
    ...overrides,
  };
}

export function aSupervisionRecord(overrides: Partial<SupervisionRecord> = {}): SupervisionRecord {
  return {
    id: '6c1f9d63-6a3b-4d94-8b65-4a8d3e2f1b01',
    kind: 'inspection',
    holderIdentifier: LUXI.identifier,
    holder: LUXI,
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    title: '日常监督检查：符合要求',
    documentNumber: null,
    details: null,
    decidedOn: '2026-03-15',
    validUntil: null,
    withdrawn: false,
    withdrawalReason: null,
    source: 'supervisor',
    publishedBy: { kind: 'person', id: 'liujianguan', name: '刘监管' },
    publishedAt: '2026-03-15T03:00:00.000Z',
    ...overrides,
  };
}

export function aPledgeVerification(overrides: Partial<PledgeVerification> = {}): PledgeVerification {
  return {
    id: '7d2a0e74-7b4c-4ea5-9c76-5b9e4f3a2c01',
    ...aLicenceSubject(),
    pledges: [{ materialCode: 'M04', materialName: '经营场所合法使用证明' }],
    status: 'open',
    dueOn: '2026-04-09',
    finding: null,
    verifiedAt: null,
    verifiedBy: null,
    revocationRequestId: null,
    recordId: null,
    createdAt: '2026-03-10T02:00:01.000Z',
    ...overrides,
  };
}
