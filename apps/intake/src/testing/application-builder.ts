import { randomUUID } from 'node:crypto';
import type { ApplicationPart } from '../applications/application-part.entity';
import type { Application } from '../applications/application.entity';

/** An accepted application as intake stores it, for unit tests of the window's rules. */
export function anAcceptedApplication(overrides: Partial<Application> = {}, parts: Array<Partial<ApplicationPart>> = [{}]): Application {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    number: 'YC20260305000123',
    status: 'accepted',
    receivedVia: 'window',
    outcome: null,
    channel: 'window',
    level: 'district',
    applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91371502MA3C0LRX4K', phone: '13863512345' },
    agent: null,
    bundle: null,
    situations: {},
    visits: 1,
    contactPhone: '13863512345',
    receivedBy: 'clerk-1',
    receivedAt: new Date('2026-03-05T01:00:00Z'),
    acceptedBy: 'clerk-1',
    acceptedAt: new Date('2026-03-05T01:05:00Z'),
    decidedAt: null,
    payment: null,
    issuance: null,
    revision: 1,
    createdAt: new Date('2026-03-05T01:00:00Z'),
    updatedAt: new Date('2026-03-05T01:05:00Z'),
    ...overrides,
    parts: parts.map((part, index) => aPart({ applicationId: id, itemCode: `ITEM-${index + 1}`, ...part })),
  } as Application;
}

export function aPart(overrides: Partial<ApplicationPart> = {}): ApplicationPart {
  return {
    id: randomUUID(),
    applicationId: randomUUID(),
    itemCode: 'DCF-SCJG-XK-001',
    itemVersion: 1,
    itemName: '食品经营许可（新办）',
    departmentCode: 'DCF-SCJGJ',
    departmentName: '东昌府区市场监督管理局',
    handOff: null,
    promisedDeadline: '2026-03-12',
    committedWorkingDays: 5,
    feeFen: 0,
    status: 'pending',
    licenceNumber: null,
    decisionReason: null,
    supplementRequest: null,
    revocation: null,
    caseId: null,
    decisionNumber: null,
    licenceId: null,
    received: [],
    deficiencies: [],
    pledges: [],
    ...overrides,
  } as ApplicationPart;
}
