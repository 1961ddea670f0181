import type { Application } from '../applications/application.entity';
import { isRevoked } from './issuance-rules';

/**
 * A document the window hands out with the result (统一出件): each department's decision document
 * (准予/不予行政许可决定书) and each licence still in force. The department's service renders it;
 * `service` and `path` say where the window prints it (the console prefixes `/api/<service>`).
 */
export interface ResultDocument {
  kind: 'decision' | 'licence';
  title: string;
  number: string;
  itemName: string;
  department: string;
  service: 'approval';
  path: string;
}

export function resultDocuments(application: Application): ResultDocument[] {
  return [...application.parts]
    .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
    .flatMap((part): ResultDocument[] => {
      if (part.status === 'pending' || !part.caseId) return [];
      const common = { itemName: part.itemName, department: part.departmentName, service: 'approval' as const };
      const decision: ResultDocument = {
        ...common,
        kind: 'decision',
        title: part.status === 'approved' ? '准予行政许可决定书' : '不予行政许可决定书',
        number: part.decisionNumber ?? '',
        path: `/cases/${part.caseId}/decision-document.html`,
      };
      // A revoked licence is withheld (撤销): only the decision that granted it stays on record.
      const licence: ResultDocument[] =
        part.status === 'approved' && part.licenceId && !isRevoked(part)
          ? [
              {
                ...common,
                kind: 'licence',
                title: `许可证件（${part.itemName}）`,
                number: part.licenceNumber ?? '',
                path: `/licences/${part.licenceId}/licence.html`,
              },
            ]
          : [];
      return [decision, ...licence];
    });
}
