/** `YC20260305000123`: 一窗 (YC), the acceptance date in China, and the day's sequence. */
export function formatApplicationNumber(day: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a calendar date: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new Error(`Daily sequence out of range: ${sequence}`);
  }
  return `YC${day.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
}
