import type { PartSupplementedV1 } from '@onewindow/contracts';
import type { DepartmentDelivery } from './department-delivery.entity';

/** Why a supplement waits unrouted: the adapter that has the part does not say how to send it one. */
export const UNROUTED_SUPPLEMENT = '该部门系统适配器未配置补正材料回传（outbound.supplement）';

export const NO_ADAPTER = '没有配置接收该事项的部门系统适配器';

interface SentPart {
  itemName?: string;
  applicant?: unknown;
  materials?: Array<{ materialCode: string; materialName: string }>;
  deficiencies?: Array<{ materialCode: string; materialName: string }>;
  pledges?: Array<{ materialCode: string; materialName: string }>;
}

/**
 * What a supplement mapping reads (补正材料回传): the part as the department knows it (its case
 * number among them), the materials the window received, named as the part's list names them,
 * who received them when, and — when the department asked for corrections to the application
 * form — the form as corrected (`form`: data and answers, as in the accepted part) and what
 * changed (`formChanges`: path, label, before, after; `formCorrected` says whether anything did).
 * Without a correction the form sent first still holds, so `form` is left out.
 */
export function supplementPayload(sent: DepartmentDelivery, supplied: PartSupplementedV1): Record<string, unknown> {
  const part = sent.payload as SentPart;
  const names = new Map<string, string>();
  for (const material of [...(part.materials ?? []), ...(part.deficiencies ?? []), ...(part.pledges ?? [])])
    names.set(material.materialCode, material.materialName);
  return {
    partId: sent.partId,
    applicationId: sent.applicationId,
    applicationNumber: sent.applicationNumber,
    itemCode: sent.itemCode,
    ...(part.itemName ? { itemName: part.itemName } : {}),
    ...(sent.departmentCaseNumber ? { departmentCaseNumber: sent.departmentCaseNumber } : {}),
    ...(part.applicant ? { applicant: part.applicant } : {}),
    materials: supplied.materialCodes.map((code) => ({ materialCode: code, materialName: names.get(code) ?? code })),
    receivedBy: supplied.receivedBy,
    supplementedAt: supplied.receivedAt,
    formCorrected: supplied.form !== undefined,
    ...(supplied.form ? { form: supplied.form } : {}),
    formChanges: supplied.formChanges ?? [],
  };
}
