import type { Application } from './application.entity';

export interface ApplicationView {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  channel: string;
  level: string;
  applicant: { kind: string; name: string; identifier: string; phone?: string };
  acceptedAt: string;
  decidedAt: string | null;
  parts: Array<{
    id: string;
    itemCode: string;
    itemName: string;
    department: { code: string; name: string };
    promisedDeadline: string;
    status: string;
    licenceNumber: string | null;
    decisionReason: string | null;
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
    acceptedAt: application.acceptedAt.toISOString(),
    decidedAt: application.decidedAt ? application.decidedAt.toISOString() : null,
    parts: (application.parts ?? []).map((part) => ({
      id: part.id,
      itemCode: part.itemCode,
      itemName: part.itemName,
      department: { code: part.departmentCode, name: part.departmentName },
      promisedDeadline: part.promisedDeadline,
      status: part.status,
      licenceNumber: part.licenceNumber,
      decisionReason: part.decisionReason,
    })),
  };
}
