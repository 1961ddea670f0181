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
export const PRECISION_NAMES: Readonly<Record<Precision, string>> = ['日', '小时', '分钟', '秒', '毫秒'];

export interface DateCodec {
  precision: Precision;
  /** Epoch milliseconds, or undefined when the value is not a date in this format. */
  parse(value: unknown, offsetMinutes: number): number | undefined;
  /** Undefined when the instant cannot be written in this format (e.g. a year after 9999). */
  format(epochMillis: number, offsetMinutes: number): string | number | undefined;
  /** Patterns only: the checked wall-clock fields of a text, without going through an instant. */
  readFields?(text: string): LocalParts | undefined;
  /** Patterns and iso8601: the text of wall-clock fields in the given offset (years 0–9999). */
  writeFields?(parts: LocalParts, offsetMinutes: number): string;
  /** Patterns whose every field has its full width (`yyyy年MM月dd日`): where each field is. */
  layout?: FixedLayout;
  /** Fixed-width patterns and iso8601: how to write the fields of a valid `source` text by copying its digits. */
  copyPlan?(source: FixedLayout, offsetMinutes: number): CopyPlan | undefined;
}

/** Where the fields and literals of a fixed-width pattern are; every field has one width (yyyy 4, MM 2, …, SSS 3). */
export interface FixedLayout {
  length: number;
  at: Partial<Record<Field, number>>;
  /** Same answer as the pattern's regular expression plus the calendar checks of parsing. */
  valid(text: string): boolean;
}

/**
 * The target text as UTF-16 code units: a position in the source text (≥ 0) or `-1 - code` for a
 * character of the target's own. iso8601 writes milliseconds only when there are any, hence a
 * second plan used when the source's `SSS` is not 000.
 */
interface CopyPlan {
  units: number[];
  withMillis?: number[];
}

const WIDTHS: Readonly<Record<Field, number>> = { year: 4, month: 2, day: 2, hour: 2, minute: 2, second: 2, millisecond: 3 };
const ZERO_FIELDS: Readonly<Record<Field, string>> = {
  year: '0000',
  month: '01',
  day: '01',
  hour: '00',
  minute: '00',
  second: '00',
  millisecond: '000',
};

/**
 * A conversion from a pattern to a pattern or iso8601 in one zone, without the instant: parsing
 * wall-clock fields in an offset and formatting the instant in the same offset gives back the
 * same fields, and `yyyy` keeps every year within what the formats can write (0–9999). So this
 * returns exactly what `to.format(from.parse(text))` returns for a text, or undefined when the
 * text is not a valid date in `from`. Undefined (no converter) for other formats.
 */
export function directDateConversion(
  from: DateCodec,
  to: DateCodec,
  offsetMinutes: number,
): ((text: string) => string | undefined) | undefined {
  const read = from.readFields;
  const write = to.writeFields;
  if (!read || !write) return undefined;
  // Both fixed-width: a valid text's digits are exactly what formatting its fields would write.
  const layout = from.layout;
  const plan = layout && to.copyPlan?.(layout, offsetMinutes);
  if (layout && plan) {
    const { valid } = layout;
    const millisAt = layout.at.millisecond ?? 0;
    const plain = unitWriter(plan.units);
    const withMillis = plan.withMillis ? unitWriter(plan.withMillis) : undefined;
    return (text) => {
      if (!valid(text)) return undefined;
      return withMillis && digitsAt(text, millisAt, 3) !== 0 ? withMillis(text) : plain(text);
    };
  }
  return (text) => {
    const parts = read(text);
    return parts === undefined ? undefined : write(parts, offsetMinutes);
  };
}

const MAX_EPOCH = 8.64e15;

export const NAMED_DATE_FORMATS = ['iso8601', 'epoch-millis', 'epoch-seconds'] as const;

export function compileDateFormat(format: unknown): DateCodec | string {
  if (typeof format !== 'string' || format === '') return '必须是 yyyy-MM-dd 这样的日期格式，或 ' + NAMED_DATE_FORMATS.join('、') + ' 之一';
  if (format === 'iso8601') return ISO_8601;
  if (format === 'epoch-millis') return epochCodec(1, Precision.Millisecond);
  if (format === 'epoch-seconds') return epochCodec(1000, Precision.Second);
  return compilePattern(format);
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';
type Token = { field: Field; width: number; variable: boolean } | { literal: string };

const FIELD_NAMES: Readonly<Record<Field, string>> = {
  year: '年',
  month: '月',
  day: '日',
  hour: '时',
  minute: '分',
  second: '秒',
  millisecond: '毫秒',
};

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
      if (close < 0) return `日期格式"${pattern}"中的引号没有闭合`;
      tokens.push({ literal: close === index + 1 ? "'" : pattern.slice(index + 1, close) });
      index = close + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = index;
      while (pattern[end] === char) end += 1;
      const width = end - index;
      const letter = LETTERS[char];
      if (!letter || !letter.widths.includes(width)) {
        return `"${char.repeat(width)}"不是日期格式字段（可用 yyyy、MM、M、dd、d、HH、H、mm、ss、SSS；原样输出的字母要加引号，如 'T'）`;
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
  if (new Set(fields).size !== fields.length) return `日期格式"${pattern}"中有重复的字段`;
  for (const needed of ['year', 'month', 'day'] as const) {
    if (!fields.includes(needed)) return `日期格式"${pattern}"必须包含 yyyy、MM 和 dd`;
  }
  const chain: Field[] = ['hour', 'minute', 'second', 'millisecond'];
  for (let index = 1; index < chain.length; index += 1) {
    if (fields.includes(chain[index] as Field) && !fields.includes(chain[index - 1] as Field)) {
      return `日期格式"${pattern}"有${FIELD_NAMES[chain[index] as Field]}却没有${FIELD_NAMES[chain[index - 1] as Field]}`;
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
  const writeFields = (parts: LocalParts): string => {
    let text = '';
    for (const write of writers) text += write(parts);
    return text;
  };
  const layout = fixedLayout(tokens);
  const readFields = layout ? layoutReader(layout) : regexReader(regex, order);
  const fixedTarget = tokens.every((token) => 'literal' in token || !token.variable);
  return {
    precision,
    parse(value, offsetMinutes) {
      if (value instanceof Date) return validEpoch(value.getTime());
      if (typeof value !== 'string') return undefined;
      const parts = readFields(value);
      return parts === undefined ? undefined : fromLocalParts(parts, offsetMinutes);
    },
    format(epochMillis, offsetMinutes) {
      const parts = toLocalParts(epochMillis, offsetMinutes);
      return parts ? writeFields(parts) : undefined;
    },
    readFields,
    writeFields,
    layout,
    copyPlan(source) {
      if (!fixedTarget) return undefined;
      const plan = new PlanBuilder(source);
      for (const token of tokens) {
        if ('literal' in token) plan.text(token.literal);
        else plan.field(token.field);
      }
      return { units: plan.units };
    },
  };
}

/** Writes a plan's code units for a source text; `String.fromCharCode` over a reused buffer beats slicing two-byte text. */
function unitWriter(units: readonly number[]): (text: string) => string {
  const buffer = new Array<number>(units.length).fill(0);
  return (text) => {
    for (let index = 0; index < units.length; index += 1) {
      const unit = units[index] as number;
      buffer[index] = unit >= 0 ? text.charCodeAt(unit) : -1 - unit;
    }
    return String.fromCharCode.apply(null, buffer);
  };
}

/** Collects a copy plan: fields copied from the source's positions (zero when the source lacks them), literal text. */
class PlanBuilder {
  readonly units: number[] = [];

  constructor(private readonly source: FixedLayout) {}

  field(field: Field): this {
    const at = this.source.at[field];
    if (at === undefined) return this.text(ZERO_FIELDS[field]);
    for (let index = 0; index < WIDTHS[field]; index += 1) this.units.push(at + index);
    return this;
  }

  text(text: string): this {
    for (let index = 0; index < text.length; index += 1) this.units.push(-1 - text.charCodeAt(index));
    return this;
  }
}

function fixedLayout(tokens: readonly Token[]): FixedLayout | undefined {
  if (tokens.some((token) => 'field' in token && token.variable)) return undefined;
  const at: Partial<Record<Field, number>> = {};
  // The pattern's literal text, one UTF-16 code unit per position.
  const literalAt: number[] = [];
  const literalCode: number[] = [];
  let length = 0;
  for (const token of tokens) {
    if ('literal' in token) {
      for (let index = 0; index < token.literal.length; index += 1) {
        literalAt.push(length);
        literalCode.push(token.literal.charCodeAt(index));
        length += 1;
      }
    } else {
      at[token.field] = length;
      length += token.width;
    }
  }
  const {
    year: yearAt = 0,
    month: monthAt = 0,
    day: dayAt = 0,
    hour: hourAt = -1,
    minute: minuteAt = -1,
    second: secondAt = -1,
    millisecond: millisAt = -1,
  } = at;
  return {
    length,
    at,
    valid(text) {
      if (text.length !== length) return false;
      for (let index = 0; index < literalAt.length; index += 1) {
        if (text.charCodeAt(literalAt[index] as number) !== literalCode[index]) return false;
      }
      const year = digitsAt(text, yearAt, 4);
      const month = digitsAt(text, monthAt, 2);
      const day = digitsAt(text, dayAt, 2);
      if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
      if (hourAt >= 0 && !inRange(digitsAt(text, hourAt, 2), 23)) return false;
      if (minuteAt >= 0 && !inRange(digitsAt(text, minuteAt, 2), 59)) return false;
      if (secondAt >= 0 && !inRange(digitsAt(text, secondAt, 2), 59)) return false;
      return millisAt < 0 || digitsAt(text, millisAt, 3) >= 0;
    },
  };
}

function inRange(value: number, max: number): boolean {
  return value >= 0 && value <= max;
}

/** The number written by `width` ASCII digits at `at`, or -1 when one is not a digit (the caller checked the length). */
function digitsAt(text: string, at: number, width: number): number {
  let value = 0;
  for (let index = at; index < at + width; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function regexReader(regex: RegExp, order: readonly Field[]): (text: string) => LocalParts | undefined {
  return (text) => {
    const match = regex.exec(text);
    if (!match) return undefined;
    const parts: LocalParts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    order.forEach((field, index) => {
      parts[field] = Number(match[index + 1]);
    });
    return validLocalParts(parts) ? parts : undefined;
  };
}

/** The fields of a fixed-width pattern, read by position once `valid` holds. */
function layoutReader(layout: FixedLayout): (text: string) => LocalParts | undefined {
  const field = (text: string, name: Field, fallback: number): number => {
    const at = layout.at[name];
    return at === undefined ? fallback : digitsAt(text, at, WIDTHS[name]);
  };
  return (text) => {
    if (!layout.valid(text)) return undefined;
    return {
      year: field(text, 'year', 0),
      month: field(text, 'month', 1),
      day: field(text, 'day', 1),
      hour: field(text, 'hour', 0),
      minute: field(text, 'minute', 0),
      second: field(text, 'second', 0),
      millisecond: field(text, 'millisecond', 0),
    };
  };
}

export type LocalParts = Record<Field, number>;

const DAY_MILLIS = 86_400_000;

/** Wall-clock fields in a fixed offset to epoch milliseconds; plain integer arithmetic, no Date objects. */
function fromLocalParts(parts: LocalParts, offsetMinutes: number): number | undefined {
  if (!validLocalParts(parts)) return undefined;
  const { year, month, day, hour, minute, second, millisecond } = parts;
  const local = daysFromCivil(year, month, day) * DAY_MILLIS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return validEpoch(local - offsetMinutes * 60_000);
}

function validLocalParts({ year, month, day, hour, minute, second }: LocalParts): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
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
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validEpoch(epoch: number): number | undefined {
  return Number.isFinite(epoch) && Math.abs(epoch) <= MAX_EPOCH ? epoch : undefined;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, value) => (value < 10 ? `0${value}` : String(value)));

function pad(value: number, width: number): string {
  if (width === 2) return value < 100 ? (TWO_DIGITS[value] as string) : String(value);
  if (width === 4 && value >= 1000 && value < 10_000)
    return (TWO_DIGITS[Math.floor(value / 100)] as string) + (TWO_DIGITS[value % 100] as string);
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
    return parts ? isoText(parts, offsetMinutes) : undefined;
  },
  writeFields: isoText,
  copyPlan(source, offsetMinutes) {
    const plan = (millis: boolean) => {
      const builder = new PlanBuilder(source).field('year').text('-').field('month').text('-').field('day');
      builder.text('T').field('hour').text(':').field('minute').text(':').field('second');
      if (millis) builder.text('.').field('millisecond');
      return builder.text(offsetText(offsetMinutes)).units;
    };
    return { units: plan(false), ...(source.at.millisecond === undefined ? {} : { withMillis: plan(true) }) };
  },
};

let lastOffset = 0;
let lastOffsetText = 'Z';

function isoText(parts: LocalParts, offsetMinutes: number): string {
  if (offsetMinutes !== lastOffset) {
    lastOffsetText = offsetText(offsetMinutes);
    lastOffset = offsetMinutes;
  }
  return (
    `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}` +
    `T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}:${pad(parts.second, 2)}` +
    `${parts.millisecond ? `.${pad(parts.millisecond, 3)}` : ''}${lastOffsetText}`
  );
}

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
