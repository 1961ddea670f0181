/**
 * Licence numbers follow a configurable scheme (编号规则), e.g. `{dept}-{yyyy}-{seq:6}` gives
 * `DCF-SCJGJ-2026-000123`. `{item}` is the item code. Everything but the sequence names the
 * series, so each series counts on its own and two schemes can never hand out the same number.
 */
const TOKEN = /\{(dept|item|yyyy|seq(?::(\d{1,2}))?)\}/g;

export interface LicenceNumberParts {
  departmentCode: string;
  itemCode: string;
  year: number;
}

export function checkLicenceNumberTemplate(template: string): string | null {
  const tokens = [...template.matchAll(TOKEN)].map((match) => match[1] ?? '');
  if (tokens.filter((token) => token.startsWith('seq')).length !== 1) return '证照编号规则必须恰好包含一个流水号 {seq} 或 {seq:位数}';
  const unknown = template.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) return `证照编号规则含有无法识别的占位符 ${unknown[0]}，可用 {dept} {item} {yyyy} {seq:位数}`;
  if (template.length > 64) return '证照编号规则不能超过64个字符';
  return null;
}

/** The series a number belongs to: the template rendered without its sequence. */
export function licenceSeries(template: string, parts: LicenceNumberParts): string {
  return render(template, parts, () => '#');
}

export function formatLicenceNumber(template: string, parts: LicenceNumberParts, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Licence sequence out of range: ${sequence}`);
  return render(template, parts, (width) => String(sequence).padStart(width, '0'));
}

function render(template: string, parts: LicenceNumberParts, sequence: (width: number) => string): string {
  return template.replace(TOKEN, (_whole, token: string, width?: string) => {
    if (token === 'dept') return parts.departmentCode;
    if (token === 'item') return parts.itemCode;
    if (token === 'yyyy') return String(parts.year);
    return sequence(width ? Number(width) : 6);
  });
}
