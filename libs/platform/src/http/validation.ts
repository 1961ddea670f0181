import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error';
import { BODY_NOT_OBJECT_MESSAGE } from './http-exception-text';
import { toFieldErrors } from './validation-messages';

export { toFieldErrors } from './validation-messages';

/**
 * The one validation of every request argument (body, query, path parameters), so that bad input
 * is a 400 with Chinese field errors on every route and never reaches a service:
 * - the body is a JSON object (a missing body is an empty one; an array or a bare value is refused);
 * - DTOs are whitelisted, transformed and checked completely, every problem reported at once with
 *   its path and a message that names the field in Chinese.
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
        throw new DomainError('BODY_NOT_OBJECT', BODY_NOT_OBJECT_MESSAGE, 400);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}
