export type MappingErrorCode =
  | 'missing_required'
  | 'code_unmapped'
  | 'invalid_date'
  | 'invalid_number'
  | 'invalid_boolean'
  | 'out_of_range'
  | 'too_long'
  | 'too_short'
  | 'precision_loss'
  | 'invalid_type'
  | 'not_an_array'
  | 'split_parts'
  | 'target_conflict'
  | 'invalid_input'
  | 'depth_exceeded'
  | 'array_too_long'
  | 'string_too_long'
  | 'input_too_large'
  | 'too_many_errors'
  | 'internal_error';

/**
 * Where a record failed: `path.source` in the input (with indices, e.g. `GDXX[2].ZJLX`) and
 * `path.target` in the output; `rule` is the failing part of the spec (`fields[3].codeTable`).
 * `message` is Chinese, for clerks and integration engineers; `code` is for programs.
 */
export interface MappingError {
  path: { source?: string; target?: string };
  rule: string;
  code: MappingErrorCode;
  message: string;
}

export type MappingResult<T = Record<string, unknown>> = { ok: true; value: T } | { ok: false; errors: MappingError[] };

export interface MappingLimits {
  /** Nesting of objects and arrays in the input (default 32). */
  maxDepth: number;
  /** Elements of any one array (default 10 000). */
  maxArrayLength: number;
  /** Characters of any one string (default 1 000 000). */
  maxStringLength: number;
  /** Objects, arrays and values in the whole input (default 1 000 000). */
  maxNodes: number;
  /** Errors reported for one record before the rest are summarised (default 100). */
  maxErrors: number;
}

export const DEFAULT_LIMITS: Readonly<MappingLimits> = Object.freeze({
  maxDepth: 32,
  maxArrayLength: 10_000,
  maxStringLength: 1_000_000,
  maxNodes: 1_000_000,
  maxErrors: 100,
});
