/**
 * Amounts are exact decimal strings (`"12500.00"`): a binary float cannot hold 0.1 元. These
 * compare them exactly, as scaled integers.
 */
const DECIMAL = /^(0|[1-9]\d{0,14})(?:\.(\d+))?$/;

/** A non-negative amount with at most `precision` decimal places, without a sign or exponent. */
export function isDecimalAmount(text: string, precision: number): boolean {
  const match = DECIMAL.exec(text);
  return match !== null && (match[2] ?? '').length <= precision;
}

/** -1, 0 or 1, as `a` is less than, equal to or greater than `b` (both valid amounts). */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const difference = scaled(a, scale) - scaled(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Decimal places of a number as written in JSON (`12500.5` → 1, `1e-7` → 7). */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

function fractionDigits(text: string): number {
  return text.split('.')[1]?.length ?? 0;
}

function scaled(text: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0'));
}
