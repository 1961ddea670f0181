/**
 * Date formats and fixed-offset time zones, without a date library. Values travel as epoch
 * milliseconds between the parse of the source format and the format of the target one.
 */

/**
 * Zones whose current offset is fixed. Historical daylight saving time (China 1986–1991) is
 * deliberately ignored: records carry recent instants and calendar dates, and a birth date of
 * 1988-06-01 must not move to 05-31 because of it.
 */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  PRC: 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Urumqi': 360,
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
  Z: 0,
};

export const NAMED_TIME_ZONES: readonly string[] = Object.keys(NAMED_ZONES);

/** Offset in minutes east of UTC, or undefined for an unknown zone. */
export function parseTimeZone(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const named = NAMED_ZONES[text];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}:${pad(absolute % 60, 2)}`;
}

/** How fine a format is; converting to a coarser one loses information. */
export const Precision = { Day: 0, Hour: 1, Minute: 2, Second: 3, Millisecond: 4 } as const;
export type Precision = (typeof Precision)[keyof typeof Precision];
export const PRECISION_NAMES: Readonly<Record<Precision, string>> = ['day', 'hour', 'minute', 'second', 'millisecond'];

export interface DateCodec {
  precision: Precision;
  /** Epoch milliseconds, or undefined when the value is not a date in this format. */
  parse(value: unknown, offsetMinutes: number): number | undefined;
  /** Undefined when the instant cannot be written in this format (e.g. a year after 9999). */
  format(epochMillis: number, offsetMinutes: number): string | number | undefined;
}

const MAX_EPOCH = 8.64e15;

export const NAMED_DATE_FORMATS = ['iso8601', 'epoch-millis', 'epoch-seconds'] as const;

export function compileDateFormat(format: unknown): DateCodec | string {
  if (typeof format !== 'string' || format === '') return 'must be a date pattern like yyyy-MM-dd or one of ' + NAMED_DATE_FORMATS.join(', ');
  if (format === 'iso8601') return ISO_8601;
  if (format === 'epoch-millis') return epochCodec(1, Precision.Millisecond);
  if (format === 'epoch-seconds') return epochCodec(1000, Precision.Second);
  return compilePattern(format);
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';
type Token = { field: Field; width: number; variable: boolean } | { literal: string };

const LETTERS: Readonly<Record<string, { field: Field; widths: readonly number[] }>> = {
  y: { field: 'year', widths: [4] },
  M: { field: 'month', widths: [2, 1] },
  d: { field: 'day', widths: [2, 1] },
  H: { field: 'hour', widths: [2, 1] },
  m: { field: 'minute', widths: [2] },
  s: { field: 'second', widths: [2] },
  S: { field: 'millisecond', widths: [3] },
};

function tokenize(pattern: string): Token[] | string {
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      if (close < 0) return `unclosed quote in date pattern "${pattern}"`;
      tokens.push({ literal: close === index + 1 ? "'" : pattern.slice(index + 1, close) });
      index = close + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = index;
      while (pattern[end] === char) end += 1;
      const width = end - index;
      const letter = LETTERS[char];
      if (!letter || !letter.widths.includes(width)) {
        return `"${char.repeat(width)}" is not a date pattern field (use yyyy, MM, M, dd, d, HH, H, mm, ss, SSS; quote literal letters like 'T')`;
      }
      tokens.push({ field: letter.field, width, variable: width === 1 });
      index = end;
    } else {
      tokens.push({ literal: char });
      index += 1;
    }
  }
  return tokens;
}

function compilePattern(pattern: string): DateCodec | string {
  const tokens = tokenize(pattern);
  if (typeof tokens === 'string') return tokens;
  const fields = tokens.filter((token): token is Extract<Token, { field: Field }> => 'field' in token).map((token) => token.field);
  if (new Set(fields).size !== fields.length) return `date pattern "${pattern}" repeats a field`;
  for (const needed of ['year', 'month', 'day'] as const) {
    if (!fields.includes(needed)) return `date pattern "${pattern}" needs yyyy, MM and dd`;
  }
  const chain: Field[] = ['hour', 'minute', 'second', 'millisecond'];
  for (let index = 1; index < chain.length; index += 1) {
    if (fields.includes(chain[index] as Field) && !fields.includes(chain[index - 1] as Field)) {
      return `date pattern "${pattern}" has ${chain[index]} without ${chain[index - 1]}`;
    }
  }
  const precision: Precision = fields.includes('millisecond')
    ? Precision.Millisecond
    : fields.includes('second')
      ? Precision.Second
      : fields.includes('minute')
        ? Precision.Minute
        : fields.includes('hour')
          ? Precision.Hour
          : Precision.Day;
  const order: Field[] = [];
  const source = tokens
    .map((token) => {
      if ('literal' in token) return token.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      order.push(token.field);
      return token.variable ? '(\\d{1,2})' : `(\\d{${token.width}})`;
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  const writers = tokens.map((token): ((parts: LocalParts) => string) => {
    if ('literal' in token) {
      const literal = token.literal;
      return () => literal;
    }
    const { field, width, variable } = token;
    return variable ? (parts) => String(parts[field]) : (parts) => pad(parts[field], width);
  });
  return {
    precision,
    parse(value, offsetMinutes) {
      if (value instanceof Date) return validEpoch(value.getTime());
      if (typeof value !== 'string') return undefined;
      const match = regex.exec(value);
      if (!match) return undefined;
      const parts: LocalParts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
      order.forEach((field, index) => {
        parts[field] = Number(match[index + 1]);
      });
      return fromLocalParts(parts, offsetMinutes);
    },
    format(epochMillis, offsetMinutes) {
      const parts = toLocalParts(epochMillis, offsetMinutes);
      if (!parts) return undefined;
      let text = '';
      for (const write of writers) text += write(parts);
      return text;
    },
  };
}

type LocalParts = Record<Field, number>;

const DAY_MILLIS = 86_400_000;

/** Wall-clock fields in a fixed offset to epoch milliseconds; plain integer arithmetic, no Date objects. */
function fromLocalParts(parts: LocalParts, offsetMinutes: number): number | undefined {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = daysFromCivil(year, month, day) * DAY_MILLIS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return validEpoch(local - offsetMinutes * 60_000);
}

function toLocalParts(epochMillis: number, offsetMinutes: number): LocalParts | undefined {
  const local = epochMillis + offsetMinutes * 60_000;
  if (!Number.isFinite(local)) return undefined;
  const days = Math.floor(local / DAY_MILLIS);
  let rest = local - days * DAY_MILLIS;
  const parts = civilFromDays(days);
  if (parts.year < 0 || parts.year > 9999) return undefined;
  parts.millisecond = rest % 1000;
  rest = (rest - parts.millisecond) / 1000;
  parts.second = rest % 60;
  rest = (rest - parts.second) / 60;
  parts.minute = rest % 60;
  parts.hour = (rest - parts.minute) / 60;
  return parts;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil calendar algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): LocalParts {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validEpoch(epoch: number): number | undefined {
  return Number.isFinite(epoch) && Math.abs(epoch) <= MAX_EPOCH ? epoch : undefined;
}

function pad(value: number, width: number): string {
  if (width === 2) return value < 10 ? `0${value}` : String(value);
  return String(value).padStart(width, '0');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Reads any offset (or none: then the rule's zone); writes the rule's zone, with milliseconds only when there are any. */
const ISO_8601: DateCodec = {
  precision: Precision.Millisecond,
  parse(value, offsetMinutes) {
    if (value instanceof Date) return validEpoch(value.getTime());
    if (typeof value !== 'string') return undefined;
    const match = ISO.exec(value);
    if (!match) return undefined;
    const offset = match[8] === undefined ? offsetMinutes : parseTimeZone(match[8].toUpperCase());
    if (offset === undefined) return undefined;
    const fraction = match[7] ?? '';
    return fromLocalParts(
      {
        year: Number(match[1]),
        month: Number(match[2]),
        day: Number(match[3]),
        hour: Number(match[4] ?? '0'),
        minute: Number(match[5] ?? '0'),
        second: Number(match[6] ?? '0'),
        millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
      },
      offset,
    );
  },
  format(epochMillis, offsetMinutes) {
    const parts = toLocalParts(epochMillis, offsetMinutes);
    if (!parts) return undefined;
    return (
      `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}` +
      `T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}:${pad(parts.second, 2)}` +
      `${parts.millisecond ? `.${pad(parts.millisecond, 3)}` : ''}${offsetText(offsetMinutes)}`
    );
  },
};

function epochCodec(unitMillis: number, precision: Precision): DateCodec {
  return {
    precision,
    parse(value) {
      if (value instanceof Date) return validEpoch(value.getTime());
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
      return Number.isInteger(number) ? validEpoch(number * unitMillis) : undefined;
    },
    format(epochMillis) {
      return Math.floor(epochMillis / unitMillis);
    },
  };
}
