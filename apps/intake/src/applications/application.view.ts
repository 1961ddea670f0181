import type { AgentV1, BundleRefV1 } from '@onewindow/contracts';
import type { Application } from './application.entity';
import type { SupplementRequest } from './application-part.entity';
import type { AcceptedMaterial } from './materials-check';

export interface ApplicationView {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  channel: string;
  level: string;
  applicant: { kind: string; name: string; identifier: string; phone?: string };
  agent: AgentV1 | null;
  bundle: BundleRefV1 | null;
  situations: Record<string, Record<string, string>>;
  visits: number;
  receivedVia: string;
  payment: Application['payment'];
  issuance: Application['issuance'];
  contactPhone: string | null;
  receivedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  parts: Array<{
    id: string;
    itemCode: string;
    itemVersion: number;
    itemName: string;
    department: { code: string; name: string };
    committedWorkingDays: number;
    feeFen: number;
    handOff: { fromLevel: string; toLevel: string; reason: string } | null;
    promisedDeadline: string | null;
    status: string;
    received: AcceptedMaterial[];
    deficiencies: Array<{ materialCode: string; materialName: string; dueDate: string; receivedAt: string | null }>;
    pledges: AcceptedMaterial[];
    licenceNumber: string | null;
    decisionReason: string | null;
    /** 退回补正: what the department asked for; null once it has arrived at the window. */
    supplementRequest: Omit<SupplementRequest, 'caseId'> | null;
  }>;
}

export function toApplicationView(application: Application): ApplicationView {
  return {
    id: application.id,
    number: application.number,
    status: application.status,
    outcome: application.outcome,
    channel: application.channel,
    level: application.level,
    applicant: application.applicant,
    agent: application.agent,
    bundle: application.bundle,
    situations: application.situations,
    visits: application.visits,
    receivedVia: application.receivedVia,
    payment: application.payment,
    issuance: application.issuance,
    contactPhone: application.contactPhone,
    receivedAt: application.receivedAt.toISOString(),
    acceptedAt: application.acceptedAt ? application.acceptedAt.toISOString() : null,
    decidedAt: application.decidedAt ? application.decidedAt.toISOString() : null,
    parts: [...(application.parts ?? [])]
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
      .map((part) => ({
        id: part.id,
        itemCode: part.itemCode,
        itemVersion: part.itemVersion,
        itemName: part.itemName,
        department: { code: part.departmentCode, name: part.departmentName },
        committedWorkingDays: part.committedWorkingDays,
        feeFen: part.feeFen,
        handOff: part.handOff,
        promisedDeadline: part.promisedDeadline,
        status: part.status,
        received: part.received,
        deficiencies: part.deficiencies.map(({ materialCode, materialName, dueDate, receivedAt }) => ({ materialCode, materialName, dueDate, receivedAt })),
        pledges: part.pledges,
        licenceNumber: part.licenceNumber,
        decisionReason: part.decisionReason,
        supplementRequest: part.supplementRequest
          ? {
              noticeNumber: part.supplementRequest.noticeNumber,
              reason: part.supplementRequest.reason,
              materials: part.supplementRequest.materials,
              requestedAt: part.supplementRequest.requestedAt,
            }
          : null,
      })),
  };
}
