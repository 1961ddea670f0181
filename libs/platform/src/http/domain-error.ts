export interface FieldError {
  /** Path in the request body, e.g. `applicant.identifier` or `itemCodes[1]`. */
  path: string;
  code: string;
  /** For the person at the window: Chinese. */
  message: string;
}

/**
 * A refusal the caller can act on: a stable code, a Chinese message for the clerk, the HTTP
 * status, and the fields at fault. Domain code throws it; the exception filter renders it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 422,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(fields: FieldError[], status = 400): DomainError {
    return new DomainError('VALIDATION_FAILED', '提交的信息有误，请按提示修改', status, fields);
  }
}

/** The one error body of the platform. */
export interface ErrorBody {
  error: { code: string; message: string; fields: FieldError[]; requestId?: string };
}
