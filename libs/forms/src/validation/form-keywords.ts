import type Ajv2020 from 'ajv/dist/2020';
import type { AnySchemaObject, ErrorObject, SchemaValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import { isLocalDate, validateCreditCode, validatePhone, validateResidentId } from '@onewindow/domain';
import { FIELD_KINDS, PREFILL_SOURCES } from '../definition/form-definition';
import { isDivisionCode } from '../elements/divisions';
import { compareDecimal, decimalPlaces, isDecimalAmount } from '../values/decimal';

type KeywordError = Partial<ErrorObject>;

const DECIMAL_TEXT = { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,6})?$' };

/** What each extension keyword's value must look like (checked when a catalogue is imported). */
export const KEYWORD_META_SCHEMAS: Record<string, object> = {
  'x-kind': { enum: [...FIELD_KINDS] },
  'x-codes': {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties: { code: { type: 'string', minLength: 1, maxLength: 40 }, label: { type: 'string', minLength: 1, maxLength: 100 } },
      required: ['code', 'label'],
      additionalProperties: false,
    },
  },
  'x-precision': { type: 'integer', minimum: 0, maximum: 6 },
  'x-not-before': { type: 'string', minLength: 1 },
  'x-min': DECIMAL_TEXT,
  'x-max': DECIMAL_TEXT,
  'x-unit': { type: 'string', minLength: 1, maxLength: 20 },
  'x-element': { type: 'string', minLength: 1, maxLength: 40 },
  'x-material': { type: 'string', minLength: 1, maxLength: 20 },
  'x-pattern-message': { type: 'string', minLength: 1, maxLength: 200 },
  'x-prefill': {
    type: 'object',
    properties: {
      source: { enum: Object.keys(PREFILL_SOURCES) },
      from: { type: 'string', minLength: 1, maxLength: 200 },
      field: { type: 'string', minLength: 1, maxLength: 200 },
    },
    required: ['source', 'from', 'field'],
    additionalProperties: false,
  },
};

/**
 * Teaches ajv the extension keywords of OneWindow forms. Each carries its meta-schema, so `strict`
 * mode refuses any keyword nobody declared and a malformed value does not compile.
 */
export function addFormKeywords(ajv: Ajv2020, today: () => Date): void {
  ajv.addFormat('date', { type: 'string', validate: isLocalDate });
  const checks: Partial<Record<string, SchemaValidateFunction>> = {
    'x-kind': checkKind(today),
    'x-codes': withErrors('x-codes', (codes: Array<{ code: string }>, data: unknown) =>
      typeof data !== 'string' || codes.some((entry) => entry.code === data) ? [] : [{ params: { codes } }],
    ),
    'x-precision': withErrors('x-precision', (precision: number, data: unknown) =>
      typeof data === 'number' && decimalPlaces(data) > precision ? [{ params: { precision } }] : [],
    ),
    'x-not-before': withErrors('x-not-before', (other: string, data: unknown, _parent, context) => {
      const earliest = (context?.parentData as Record<string, unknown> | undefined)?.[other];
      const comparable = typeof data === 'string' && typeof earliest === 'string' && isLocalDate(data) && isLocalDate(earliest);
      return comparable && data < earliest ? [{ params: { other } }] : [];
    }),
  };
  for (const [keyword, metaSchema] of Object.entries(KEYWORD_META_SCHEMAS)) {
    const validate = checks[keyword];
    // Keywords without a check only annotate (a unit, a label source, an auto-fill source).
    ajv.addKeyword(validate ? { keyword, metaSchema, errors: true, validate } : { keyword, metaSchema });
  }
}

/** A keyword check written as "the errors of this value", none meaning valid. */
function withErrors(
  keyword: string,
  check: (
    schema: never,
    data: unknown,
    parentSchema: AnySchemaObject | undefined,
    context: DataValidationCxt | undefined,
  ) => KeywordError[],
): SchemaValidateFunction {
  const validate: SchemaValidateFunction = (schema, data, parentSchema, context) => {
    const errors = check(schema as never, data, parentSchema, context).map((error) => ({ keyword, ...error }));
    validate.errors = errors;
    return errors.length === 0;
  };
  return validate;
}

/** The checks JSON Schema cannot express: exact amounts, identifiers by their check characters, divisions. */
function checkKind(today: () => Date): SchemaValidateFunction {
  return withErrors('x-kind', (kind: string, data, parentSchema = {}, context) => {
    switch (kind) {
      case 'money': {
        if (typeof data !== 'string') return [];
        const precision = (parentSchema['x-precision'] as number | undefined) ?? 2;
        if (!isDecimalAmount(data, precision)) return [{ params: { kind, reason: 'format', precision } }];
        const min = parentSchema['x-min'] as string | undefined;
        const max = parentSchema['x-max'] as string | undefined;
        if (min !== undefined && compareDecimal(data, min) < 0) return [{ params: { kind, reason: 'min', limit: min } }];
        if (max !== undefined && compareDecimal(data, max) > 0) return [{ params: { kind, reason: 'max', limit: max } }];
        return [];
      }
      case 'credit-code':
      case 'resident-id':
      case 'phone': {
        if (typeof data !== 'string') return [];
        const check =
          kind === 'credit-code'
            ? validateCreditCode(data)
            : kind === 'resident-id'
              ? validateResidentId(data, today())
              : validatePhone(data);
        if (!check.ok) return [{ params: { kind, reason: check.code, message: check.message } }];
        if (kind !== 'phone' && check.normalized !== data) return [{ params: { kind, reason: 'case', message: '字母应为大写，不含空格' } }];
        return [];
      }
      case 'division-address': {
        const division = (data as { division?: unknown } | null)?.division;
        // A code of the wrong shape is the `pattern`'s to report; this one checks the province of a well-shaped code.
        if (typeof division !== 'string' || !/^[1-8]\d{5}$/.test(division) || isDivisionCode(division)) return [];
        return [{ instancePath: `${context?.instancePath ?? ''}/division`, params: { kind, reason: 'division' } }];
      }
      default:
        return [];
    }
  });
}
