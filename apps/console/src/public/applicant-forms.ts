/**
 * What the applicant types on a phone, made ready for the server: the application number as the
 * receipt prints it, the phone's last 4 digits, the rating (好差评) and its comment.
 */

/** `yc 2026 0305 000123` → `YC20260305000123` (spaces and lower case from a phone keyboard forgiven). */
export function normaliseApplicationNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export const RATING_LEVELS = [
  { level: 5, text: '非常满意' },
  { level: 4, text: '满意' },
  { level: 3, text: '基本满意' },
  { level: 2, text: '不满意' },
  { level: 1, text: '非常不满意' },
] as const;

/** 不满意 and 非常不满意 open a rectification the department must answer: the reason is required. */
export function commentRequired(level: number | null): boolean {
  return level !== null && level <= 2;
}

/** The rating request: the same proof as the query, the comment only when there is one. */
export function toRating(
  proof: { number: string; phoneTail: string },
  level: number,
  comment: string,
): { number: string; phoneTail: string; level: number; comment?: string } {
  const text = comment.trim();
  return { number: proof.number, phoneTail: proof.phoneTail, level, ...(text || commentRequired(level) ? { comment: text } : {}) };
}
