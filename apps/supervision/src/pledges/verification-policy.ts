import type { DepartmentRefV1, LicenceIssuedV1 } from '@onewindow/contracts';
import { addDays, localDateInShanghai } from '@onewindow/domain';

/**
 * Which department verifies the pledges of a licence: the issuing department when it also
 * supervises the item (it knows what was pledged), otherwise the first supervising department
 * listed for the item, and the issuing department when the item names no supervisor.
 */
export function verifyingDepartment(licence: Pick<LicenceIssuedV1, 'issuingDepartment' | 'supervisingDepartments'>): DepartmentRefV1 {
  const issuing = licence.supervisingDepartments.find((d) => d.code === licence.issuingDepartment.code);
  return issuing ?? licence.supervisingDepartments[0] ?? licence.issuingDepartment;
}

/** Due the configured number of calendar days after the licence was issued (China's date). */
export function verificationDueOn(issuedAt: Date, days: number): string {
  return addDays(localDateInShanghai(issuedAt), days);
}
