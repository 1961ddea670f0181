import type { IncomingMessage, ServerResponse } from 'node:http';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * How deep the objects and arrays of a JSON text nest, read from its bytes in one pass, before it
 * is parsed: every later step that walks the value (class-transformer, validation, logging) may
 * recurse, and a body nested thousands deep overflows its stack. Stops counting past `stopAbove`.
 */
export function jsonNestingDepth(bytes: Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return deepest;
}

export interface BodyLimits {
  /** Largest body, in bytes or as body-parser reads it (`'16mb'`); 413 beyond. */
  limit: number | string;
  /** Deepest nesting of objects and arrays (400 beyond). */
  maxDepth: number;
}

/** The JSON body parser's options for the platform's limits; the error filter tells the caller in Chinese. */
export function jsonBodyParserOptions(limits: BodyLimits) {
  return {
    limit: limits.limit,
    verify(_request: IncomingMessage, _response: ServerResponse, bytes: Buffer): void {
      if (jsonNestingDepth(bytes, limits.maxDepth) > limits.maxDepth) {
        throw Object.assign(new Error(`JSON body nested deeper than ${limits.maxDepth}`), {
          status: 400,
          type: 'entity.too.deep',
          depthLimit: limits.maxDepth,
        });
      }
    },
  };
}
