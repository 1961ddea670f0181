import { registerDecorator, type ValidationArguments } from 'class-validator';
import { validateCreditCode, validateResidentId } from '@onewindow/domain';

/**
 * The applicant's identifier, checked by the kind of applicant next to it: a resident identity
 * number for a person, a unified social credit code for an organisation. The message is the
 * domain check's own Chinese text, so the clerk sees exactly what is wrong.
 */
export function IsPartyIdentifier(kindProperty = 'kind'): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    let lastMessage = '';
    registerDecorator({
      name: 'isPartyIdentifier',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const kind = (args.object as Record<string, unknown>)[kindProperty];
          if (typeof value !== 'string') {
            lastMessage = '证件号码必须填写';
            return false;
          }
          const check = kind === 'person' ? validateResidentId(value) : validateCreditCode(value);
          if (!check.ok) lastMessage = check.message;
          return check.ok;
        },
        defaultMessage(): string {
          return lastMessage || '证件号码不正确';
        },
      },
    });
  };
}
