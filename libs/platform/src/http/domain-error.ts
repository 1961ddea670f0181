import { httpStatusOf, type ErrorKind, type ErrorStatus } from './error-kinds';

export interface FieldError {
  /** Path in the request body, e.g. `applicant.identifier` or `itemCodes[1]`. */
  path: string;
  code: string;
  /** For the person at the window: Chinese. */
  message: string;
}

/**
 * A refusal the caller can act on: a stable code, a Chinese message for the clerk, its kind (which
 * decides the HTTP status, in `error-kinds.ts`), and the fields at fault. Domain code throws it,
 * made by its module's error catalogue (`defineErrors`); the exception filter renders it.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly fields: FieldError[];

  constructor(
    readonly code: string,
    message: string,
    kind: ErrorKind = 'unprocessable',
    fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.fields = [...fields];
  }

  /** The HTTP status the kind answers with. */
  get status(): ErrorStatus {
    return httpStatusOf(this.kind);
  }

  /** Field by field errors: `invalid` (400) unless the fields break a business rule or a state. */
  static validation(fields: readonly FieldError[], kind: ErrorKind = 'invalid'): DomainError {
    return new DomainError('VALIDATION_FAILED', '提交的信息有误，请按提示修改', kind, fields);
  }
}

/** The one error body of the platform. */
export interface ErrorBody {
  error: { code: string; message: string; fields: FieldError[]; requestId?: string };
}
