/**
 * Dates and times as a Chinese service centre reads them: always China Standard Time
 * (Asia/Shanghai, UTC+8, no daylight saving), whatever zone the browser's machine is set to.
 */
import { now } from './clock';

const CHINA_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(dateTimeFormat.formatToParts(instant).map((part) => [part.type, part.value]));
}

function toDate(value: string | Date): Date | null {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** `2026-03-05 14:07` in China time; an empty or invalid value is shown as `—`. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const instant = value ? toDate(value) : null;
  if (!instant) return '—';
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * `2026-03-05`. A calendar date (`YYYY-MM-DD`, a deadline or a due date) is shown as it is: it
 * names a day in China, not an instant.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = toDate(value);
  if (!instant) return '—';
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `14:07` in China time. */
export function formatTime(value: string | Date): string {
  const instant = toDate(value);
  if (!instant) return '—';
  const p = parts(instant);
  return `${p.hour}:${p.minute}`;
}

/** Today's calendar date in China (`YYYY-MM-DD`). */
export function chinaToday(instant: Date = now()): string {
  return formatDate(instant);
}

/** The calendar date `days` after `date` (`YYYY-MM-DD`, calendar days, not working days). */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}

/** Whether an instant falls on the given China calendar date. */
export function isOnChinaDate(value: string | Date, date: string): boolean {
  return formatDate(value) === date;
}
