import { isLocalDate } from '@onewindow/domain';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { fieldLabel } from './field-labels';

/**
 * A calendar date that exists, `YYYY-MM-DD` (2031-02-30 and 2026-13-01 do not): the one check of
 * every date a request carries, so that no impossible date reaches a service, a receipt or the
 * database. The message names the field by its label.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(property),
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isLocalDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          `“${args ? fieldLabel(args.object, args.property) : '日期'}”应为真实存在的日期，格式YYYY-MM-DD${typeof args?.value === 'string' ? `（收到“${args.value.slice(0, 20)}”）` : ''}`,
      },
    });
}
