import { describe, expect, it } from 'vitest';
import type { ApplicationPart, ApplicationView } from '@/api/intake';
import { feeDue, issuanceBlockers } from './application-status';

function aPart(overrides: Partial<ApplicationPart> = {}): ApplicationPart {
  return {
    id: 'p1',
    itemCode: 'DCF-SCJG-XK-001',
    itemVersion: 1,
    itemName: '食品经营许可（新办）',
    department: { code: 'DCF-SCJGJ', name: '东昌府区市场监督管理局' },
    committedWorkingDays: 10,
    feeFen: 0,
    handOff: null,
    promisedDeadline: '2026-03-19',
    status: 'approved',
    received: [],
    deficiencies: [],
    pledges: [],
    licenceNumber: 'JY13715020000123',
    decisionReason: null,
    supplementRequest: null,
    ...overrides,
  };
}

function anApplication(parts: ApplicationPart[], overrides: Partial<ApplicationView> = {}): ApplicationView {
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
    visits: 1,
    payment: null,
    issuance: null,
    contactPhone: null,
    receivedAt: '2026-03-05T01:00:00.000Z',
    acceptedAt: '2026-03-05T01:00:00.000Z',
    decidedAt: '2026-03-10T01:00:00.000Z',
    parts,
    ...overrides,
  };
}

describe('issuance at the window', () => {
  it('charges only the approved parts', () => {
    expect(feeDue(anApplication([aPart({ feeFen: 20000 }), aPart({ id: 'p2', status: 'refused', feeFen: 5000 })]))).toBe(20000);
  });

  it('names every reason the results cannot be handed out yet', () => {
    const application = anApplication([
      aPart({ feeFen: 20000, deficiencies: [{ materialCode: 'M03', materialName: '食品安全管理制度文本', dueDate: '2026-03-20', receivedAt: null }] }),
    ]);
    expect(issuanceBlockers(application)).toEqual(['容缺材料未补交：食品安全管理制度文本', '尚未缴费']);
  });

  it('lets a decided, paid application with every 容缺 material in be issued', () => {
    const application = anApplication([aPart({ feeFen: 20000 })], { payment: { amountFen: 20000, method: 'card', receiptNumber: 'FS2026000123', paidAt: '2026-03-10T02:00:00.000Z' } });
    expect(issuanceBlockers(application)).toEqual([]);
  });
});
