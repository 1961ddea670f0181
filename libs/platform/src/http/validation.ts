import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { DomainError, type FieldError } from './domain-error';
import { PLATFORM_ERRORS } from './platform-errors';
import { nulCharacterPaths, nulCharacterProblem, prepareRequestFields } from './request-fields';
import { toFieldErrors } from './validation-messages';

export { toFieldErrors } from './validation-messages';

/**
 * The one validation of every request argument (body, query, path parameters), so that bad input
 * is a 400 with Chinese field errors on every route and never reaches a service:
 * - the body is a JSON object (a missing body is an empty one; an array or a bare value is refused);
 * - a NUL is refused anywhere: in a DTO (by `prepareRequestFields`) or a plain path or query parameter;
 * - DTOs are whitelisted, transformed, readied (`prepareRequestFields`: null and missing nested
 *   objects) and checked completely, every problem reported at once with its path and a message
 *   that names the field in Chinese.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      // Kept on the errors for the messages (the DTO class names the field, the value tells a missing field); never sent.
      validationError: { target: true, value: true },
      exceptionFactory: (errors: ValidationError[]) => DomainError.validation(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.data === undefined && metadata.metatype !== Array) {
      if (value === undefined) value = {};
      else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw PLATFORM_ERRORS.BODY_NOT_OBJECT();
      }
    }
    if (metadata.type !== 'custom' && !this.toValidate(metadata)) {
      const nul = nulCharacterPaths(value, metadata.data ?? '');
      if (nul.length > 0) throw DomainError.validation(nul.map((path) => nulCharacterProblem(path)));
    }
    return super.transform(value, metadata);
  }

  /** Runs on the transformed DTO: the platform's own checks first, then class-validator's; all problems at once. */
  protected override async validate(entity: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const own = prepareRequestFields(entity);
    const errors = await super.validate(entity, options);
    const fields = mergeByPath(own, toFieldErrors(errors));
    if (fields.length > 0) throw DomainError.validation(fields);
    return [];
  }
}

/** A field the platform already refused is not reported again by class-validator. */
function mergeByPath(first: FieldError[], second: FieldError[]): FieldError[] {
  const paths = new Set(first.map((field) => field.path));
  return [...first, ...second.filter((field) => !paths.has(field.path))];
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}
