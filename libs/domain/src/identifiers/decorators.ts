import { registerDecorator, type ValidationOptions } from 'class-validator';
import { validateCreditCode } from './credit-code';
import { validatePhone } from './phone';
import { validateResidentId } from './resident-id';

function fromCheck(name: string, check: (value: string) => { ok: boolean; message?: string }, fallback: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        ...(options ? { options } : {}),
        validator: {
          validate: (value: unknown) => typeof value === 'string' && check(value).ok,
          // The domain check's own Chinese text tells the clerk exactly what is wrong.
          defaultMessage: (args) => {
            const result = typeof args?.value === 'string' ? check(args.value) : { ok: false };
            return result.ok ? fallback : ((result as { message?: string }).message ?? fallback);
          },
        },
      });
}

export const IsResidentId = fromCheck('isResidentId', (v) => validateResidentId(v), '居民身份证号码不正确');
export const IsCreditCode = fromCheck('isCreditCode', validateCreditCode, '统一社会信用代码不正确');
export const IsChinesePhone = fromCheck('isChinesePhone', validatePhone, '联系电话不正确');
