/** `DCF-SCJGJ-2026-000123`: the issuing department, the year and its sequence. */
export function formatLicenceNumber(departmentCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Licence sequence out of range: ${sequence}`);
  return `${departmentCode}-${year}-${String(sequence).padStart(6, '0')}`;
}
