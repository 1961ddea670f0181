import { DomainError, type FieldError } from '@onewindow/platform';
import type { FormProblem } from '../forms/filing-form';

/** The materials check's problems, refused field by field (400, or 422 when only the credit rule refuses). */
export function invalid(problems: Array<{ field: string; message: string; code?: string }>, code = 'MATERIALS_INVALID'): DomainError {
  return refusal(problems.map((problem) => fieldError(problem, code)));
}

export function refusal(fields: FieldError[]): DomainError {
  // A refusal on credit grounds is a rule, not a typing error: unprocessable (422) like the approval's credit gate.
  return DomainError.validation(fields, fields.every((field) => field.code === 'CREDIT_NO_TOLERANCE') ? 'unprocessable' : 'invalid');
}

export function fieldError(problem: FormProblem & { code?: string }, code: string): FieldError {
  return { path: problem.field, code: problem.code ?? code, message: problem.message };
}
