import { createHash } from 'node:crypto';

/** The bytes of a message value as it arrived: a Buffer as is, a string as UTF-8, an object as JSON. */
export function bytesOf(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * Text safe to store in a PostgreSQL `text` or `jsonb` column and to show to a person: NUL and the
 * other control characters (except tab and line breaks) written as `\xNN`. PostgreSQL refuses NUL
 * in text, and a reason or key can quote any byte of a poison message.
 */
export function readable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `readable(text)` cut to at most `max` UTF-16 units (never half a surrogate pair), with `…` when cut. */
export function readableExcerpt(text: string, max: number): { excerpt: string; truncated: boolean } {
  const safe = readable(text);
  if (safe.length <= max) return { excerpt: safe, truncated: false };
  const end = /[\uD800-\uDBFF]/.test(safe.charAt(max - 1)) ? max - 1 : max;
  return { excerpt: `${safe.slice(0, end)}…`, truncated: true };
}

/** `readable(text)` cut to at most `max` UTF-16 units: for reasons and details that may quote a value. */
export function readableClipped(text: string, max: number): string {
  return readableExcerpt(text, max - 1).excerpt;
}

export interface ValueReference {
  bytes: Buffer;
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  /** The start of the value read as UTF-8, control characters escaped. */
  excerpt: string;
  truncated: boolean;
}

/** Names a message value without carrying it: size, hash and a bounded readable excerpt. */
export function referenceOf(value: unknown, excerptMax: number): ValueReference {
  const bytes = bytesOf(value);
  // Decoding only a prefix keeps a 50 MB value from being turned into a 50 MB string for 1 KB of excerpt.
  const prefix = bytes.subarray(0, excerptMax * 4);
  const { excerpt, truncated } = readableExcerpt(prefix.toString('utf8'), excerptMax);
  return {
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    excerpt,
    truncated: truncated || prefix.length < bytes.length,
  };
}
