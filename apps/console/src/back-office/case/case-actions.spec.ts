import { describe, expect, it } from 'vitest';
import type { ApprovalCase, ClockEntry } from '@/api/approval';
import { availableActions } from './case-actions';

function aCase(overrides: Partial<ApprovalCase> = {}): ApprovalCase {
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
    promisedWorkingDays: 10,
    deadline: '2026-03-19',
    colour: 'green',
    suspendedFor: null,
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
    workingDaysLeft: 10,
    ...overrides,
  };
}

function anEntry(overrides: Partial<ClockEntry>): ClockEntry {
  return {
    id: 'e1',
    kind: 'suspension',
    procedure: 'hearing',
    startOn: '2026-03-06',
    endOn: null,
    workingDays: null,
    reason: '申请人申请听证',
    status: null,
    recordedBy: { kind: 'person', id: 'wangshenpi', name: '王审批' },
    reviewedBy: null,
    reviewNote: null,
    createdAt: '2026-03-06T02:00:00.000Z',
    ...overrides,
  };
}

describe('the actions a case page offers', () => {
  it('completes 审查 and 审核 with an opinion, and decides only at 批准', () => {
    expect(availableActions(aCase({ currentStep: 'examine' }), [], 'wangshenpi')).toMatchObject({ completeStep: true, decide: false });
    expect(availableActions(aCase({ currentStep: 'approve' }), [], 'wangshenpi')).toMatchObject({ completeStep: false, decide: true });
  });

  it('holds the work while a special procedure runs, and offers to resume it — except 补正, which ends at the window', () => {
    const hearing = anEntry({});
    expect(availableActions(aCase({ currentStep: 'approve' }), [hearing], 'wangshenpi')).toMatchObject({ decide: false, suspend: false, resume: hearing });
    expect(availableActions(aCase(), [anEntry({ procedure: 'supplement' })], 'wangshenpi').resume).toBeNull();
  });

  it('lets only someone other than its requester review an extension', () => {
    const extension = anEntry({ kind: 'extension', procedure: null, workingDays: 10, status: 'requested' });
    expect(availableActions(aCase(), [extension], 'wangshenpi')).toMatchObject({ reviewExtension: null, requestExtension: false });
    expect(availableActions(aCase(), [extension], 'sunfuhe').reviewExtension).toBe(extension);
  });

  it('offers nothing on a decided case', () => {
    expect(Object.values(availableActions(aCase({ status: 'approved', currentStep: 'conclude' }), [], 'wangshenpi')).filter(Boolean)).toEqual([]);
  });
});
