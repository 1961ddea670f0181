import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error';

/** Flattens class-validator's tree into field paths (`applicant.identifier`, `itemCodes[0]`). */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : prefix ? `.${error.property}` : error.property;
    const path = `${prefix}${segment}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ path, code: constraintCode(constraint), message: chinese(constraint, message, error.property) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, path));
  }
  return out;
}

function constraintCode(constraint: string): string {
  return constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Messages written in Chinese by the DTO pass through; class-validator's English defaults are replaced. */
function chinese(constraint: string, message: string, property: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  switch (constraint) {
    case 'whitelistValidation':
      return `不允许提交字段“${property}”`;
    case 'isDefined':
    case 'isNotEmpty':
      return `“${property}”必须填写`;
    case 'isUuid':
      return `“${property}”格式不正确`;
    default:
      return `“${property}”填写有误（${message}）`;
  }
}

/** Whitelisted, transformed DTOs; every problem reported at once, each with its field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => DomainError.validation(toFieldErrors(errors)),
  });
}
