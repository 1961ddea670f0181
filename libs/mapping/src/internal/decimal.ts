/**
 * Exact decimal arithmetic for unit scaling: 123.45 万元 × 10000 must be 1234500 元, not
 * 1234500.0000000002 as with binary floating point. Value = mantissa × 10^exponent.
 */
export interface Decimal {
  mantissa: bigint;
  exponent: number;
}

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'exact';

const NUMERIC = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?$/;
// Keeps 10n ** exponent cheap however strange the input.
const MAX_EXPONENT = 400;

export function parseDecimal(value: unknown): Decimal | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = NUMERIC.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  const exponent = (exponentText ? Number(exponentText) : 0) - fraction.length;
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  const magnitude = BigInt(whole + fraction);
  return normalize({ mantissa: sign === '-' ? -magnitude : magnitude, exponent });
}

export function normalize(value: Decimal): Decimal {
  if (value.mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  let { mantissa, exponent } = value;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalize({ mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent });
}

export function equalDecimals(a: Decimal, b: Decimal): boolean {
  return a.mantissa === b.mantissa && a.exponent === b.exponent;
}

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.mantissa * 10n ** BigInt(a.exponent - exponent);
  const right = b.mantissa * 10n ** BigInt(b.exponent - exponent);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Rounds to `decimals` places; undefined when `exact` would have to drop digits. */
export function roundDecimal(value: Decimal, decimals: number, mode: RoundingMode): Decimal | undefined {
  if (value.exponent >= -decimals) return value;
  const divisor = 10n ** BigInt(-decimals - value.exponent);
  const quotient = value.mantissa / divisor;
  const remainder = value.mantissa % divisor;
  if (remainder === 0n) return normalize({ mantissa: quotient, exponent: -decimals });
  if (mode === 'exact') return undefined;
  const sign = value.mantissa < 0n ? -1n : 1n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  let rounded = quotient;
  if (mode === 'up') rounded += sign;
  else if (mode === 'half-up' && twice >= divisor) rounded += sign;
  else if (mode === 'half-even' && (twice > divisor || (twice === divisor && quotient % 2n !== 0n))) rounded += sign;
  return normalize({ mantissa: rounded, exponent: -decimals });
}

/** Plain notation (never `1e+21`), padded to at least `minDecimals` places. */
export function decimalToString(value: Decimal, minDecimals = 0): string {
  const negative = value.mantissa < 0n;
  const digits = (negative ? -value.mantissa : value.mantissa).toString();
  let whole: string;
  let fraction: string;
  if (value.exponent >= 0) {
    whole = digits + '0'.repeat(value.exponent);
    fraction = '';
  } else {
    const point = digits.length + value.exponent;
    whole = point > 0 ? digits.slice(0, point) : '0';
    fraction = point > 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  }
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction += '0'.repeat(minDecimals - fraction.length);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const FIFTEEN_DIGITS = 10n ** 15n;

/** The JSON number for a decimal, or undefined when a double cannot hold it exactly. */
export function decimalToNumber(value: Decimal): number | undefined {
  const number = Number(decimalToString(value));
  // Up to 15 significant digits always survive the trip through a double (DBL_DIG).
  if (value.mantissa > -FIFTEEN_DIGITS && value.mantissa < FIFTEEN_DIGITS && Math.abs(value.exponent) <= 22) return number;
  const back = parseDecimal(number);
  return back && equalDecimals(back, value) ? number : undefined;
}

/** 1 / value when that is a finite decimal (the mantissa has no prime factors but 2 and 5). */
export function inverseDecimal(value: Decimal): Decimal | undefined {
  const normal = normalize(value);
  if (normal.mantissa === 0n) return undefined;
  let magnitude = normal.mantissa < 0n ? -normal.mantissa : normal.mantissa;
  const original = magnitude;
  let twos = 0;
  let fives = 0;
  while (magnitude % 2n === 0n) {
    magnitude /= 2n;
    twos += 1;
  }
  while (magnitude % 5n === 0n) {
    magnitude /= 5n;
    fives += 1;
  }
  if (magnitude !== 1n) return undefined;
  const power = Math.max(twos, fives);
  const inverted = 10n ** BigInt(power) / original;
  return normalize({ mantissa: normal.mantissa < 0n ? -inverted : inverted, exponent: -normal.exponent - power });
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

/**
 * value × 10^exponent in plain double arithmetic when that is provably the same as the exact
 * decimal result, else undefined. Integers below 10^15 and powers of ten up to 10^22 are exact
 * doubles, and IEEE multiplication and division round the exact result once, exactly as
 * parsing the decimal text would; this keeps BigInt off the common path (万元 → 元, % → ratio).
 */
export function scaleIntegerExactly(value: number, exponent: number): number | undefined {
  if (!Number.isInteger(value) || Math.abs(value) >= 1e15 || Math.abs(exponent) > 22) return undefined;
  if (exponent >= 0) {
    const product = value * (POWERS_OF_TEN[exponent] as number);
    return Math.abs(product) < 1e15 ? product + 0 : undefined;
  }
  return value / (POWERS_OF_TEN[-exponent] as number) + 0;
}

export interface Unit {
  dimension: 'money' | 'ratio' | 'area';
  exponent: number;
}

/** Units that are powers of ten apart, so conversions stay exact and invertible. */
export const UNITS: Readonly<Record<string, Unit>> = {
  分: { dimension: 'money', exponent: -2 },
  角: { dimension: 'money', exponent: -1 },
  元: { dimension: 'money', exponent: 0 },
  千元: { dimension: 'money', exponent: 3 },
  万元: { dimension: 'money', exponent: 4 },
  百万元: { dimension: 'money', exponent: 6 },
  亿元: { dimension: 'money', exponent: 8 },
  ratio: { dimension: 'ratio', exponent: 0 },
  '%': { dimension: 'ratio', exponent: -2 },
  '‰': { dimension: 'ratio', exponent: -3 },
  平方米: { dimension: 'area', exponent: 0 },
  公顷: { dimension: 'area', exponent: 4 },
  平方公里: { dimension: 'area', exponent: 6 },
};
