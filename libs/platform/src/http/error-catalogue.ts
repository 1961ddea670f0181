import { DomainError, type FieldError } from './domain-error';
import type { ErrorKind } from './error-kinds';

/** A Chinese message, fixed or made from the error's typed parameters. */
export type ErrorMessage = string | ((params: never) => string);

/** One error of a module: its kind (hence its HTTP status) and its Chinese message. */
export interface ErrorDefinition {
  readonly kind: ErrorKind;
  readonly message: ErrorMessage;
}

/** Makes the error: with the message's parameters when it has any, and optionally the fields at fault. */
export type ErrorFactory<M extends ErrorMessage> = M extends (params: infer P) => string
  ? (params: P, fields?: readonly FieldError[]) => DomainError
  : (fields?: readonly FieldError[]) => DomainError;

/** A module's errors by code: `CASE_ERRORS.CASE_NOT_FOUND()`, `CASE_ERRORS.CASE_CHANGED({ opened, current })`. */
export type ErrorCatalogue<D extends Record<string, ErrorDefinition>> = {
  readonly [Code in keyof D & string]: ErrorFactory<D[Code]['message']>;
};

/** The codes of a catalogue, e.g. to type a rule that answers which of them applies. */
export type ErrorCodeOf<C> = keyof C & string;

/**
 * Declares a module's error codes once, each with its kind and Chinese message, and returns a
 * factory per code. An unknown code or a wrong parameter is a compile error; no call site chooses
 * an HTTP status (the kind does, in `error-kinds.ts`).
 */
export function defineErrors<const D extends Record<string, ErrorDefinition>>(definitions: D): ErrorCatalogue<D> {
  const factories: Record<string, (...args: never[]) => DomainError> = {};
  for (const [code, { kind, message }] of Object.entries(definitions)) {
    factories[code] =
      typeof message === 'string'
        ? (fields?: readonly FieldError[]) => new DomainError(code, message, kind, fields)
        : // The mapped type above is what ties each code's parameters to its message; at run time a parameter is passed through.
          (params: never, fields?: readonly FieldError[]) => new DomainError(code, message(params), kind, fields);
  }
  return factories as ErrorCatalogue<D>;
}
