import fc from 'fast-check';
import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import type { FieldSchema } from './definition/form-definition';
import { keywordOf, kindOf, parsePath, setValueAt } from './definition/paths';
import { DIVISIONS } from './elements/divisions';
import { formLeaves } from './values/form-values';

/** Test helpers: form data generated from a form's schema, and one answer made wrong. Not for production code. */

const HANZI = [...'东昌府区聊城市古楼街道柳园新区鲁西运河水城建设餐饮食品经营工程有限公司花园北路光明路号楼室'];
const CREDIT_CODE_CHARACTERS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

/** Valid data for a schema (the effective schema of a form for some answers): every required answer, some optional ones. */
export function formDataArbitrary(schema: FieldSchema): fc.Arbitrary<Record<string, unknown>> {
  return objectArbitrary(schema) as fc.Arbitrary<Record<string, unknown>>;
}

function objectArbitrary(schema: FieldSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, fieldArbitrary(child)]));
  // A field required only under a condition on other answers (`if`/`then`) is always generated: valid either way.
  const conditional = (schema.allOf ?? []).flatMap((part) => [...(part.then?.required ?? []), ...(part.else?.required ?? [])]);
  const requiredKeys = [...new Set([...(schema.required ?? []), ...conditional])].filter((name) => name in properties);
  return fc.record(model, { requiredKeys }).map((value) => {
    // x-not-before: a later date is drawn independently; take the earlier one for both where it came out earlier.
    for (const [name, child] of Object.entries(properties)) {
      const other = child['x-not-before'];
      const earliest = other ? value[other] : undefined;
      if (typeof value[name] === 'string' && typeof earliest === 'string' && value[name] < earliest) value[name] = earliest;
    }
    return value;
  });
}

function fieldArbitrary(schema: FieldSchema): fc.Arbitrary<unknown> {
  switch (kindOf(schema)) {
    case 'group':
      return objectArbitrary(schema);
    case 'repeat':
      return fc.array(objectArbitrary(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'number':
      return numberArbitrary(schema);
    case 'money':
      return moneyArbitrary(schema);
    case 'date':
      return fc
        .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
        .map((time) => new Date(time).toISOString().slice(0, 10));
    case 'code':
      return fc.constantFrom(...(keywordOf(schema, 'x-codes') ?? []).map((entry) => entry.code));
    case 'codes':
      return fc.subarray(
        (keywordOf(schema.items ?? {}, 'x-codes') ?? []).map((entry) => entry.code),
        { minLength: 1 },
      );
    case 'yes-no':
      return fc.boolean();
    case 'division-address':
      return fc.record({ division: fc.constantFrom(...DIVISIONS.map((division) => division.code)), detail: hanzi(2, 30) });
    case 'phone':
      return fc.stringMatching(/^1[3-9]\d{9}$/);
    case 'credit-code':
      return fc
        .array(fc.constantFrom(...CREDIT_CODE_CHARACTERS), { minLength: 9, maxLength: 9 })
        .map((chars) => aCreditCode({ organisation: chars.join('') }));
    case 'resident-id':
      return fc
        .record({
          time: fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2005, 11, 31) }),
          sequence: fc.integer({ min: 1, max: 999 }),
        })
        .map(({ time, sequence }) => aResidentId({ birthDate: new Date(time).toISOString().slice(0, 10), sequence }));
    default: {
      const pattern = keywordOf(schema, 'pattern');
      if (pattern) return fc.stringMatching(new RegExp(pattern));
      return hanzi(Math.max(keywordOf(schema, 'minLength') ?? 1, 1), Math.min(keywordOf(schema, 'maxLength') ?? 30, 30));
    }
  }
}

function hanzi(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...HANZI), { minLength, maxLength: Math.max(minLength, maxLength) }).map((chars) => chars.join(''));
}

function numberArbitrary(schema: FieldSchema): fc.Arbitrary<number> {
  const scale = 10 ** (keywordOf(schema, 'x-precision') ?? 0);
  const exclusiveMinimum = keywordOf(schema, 'exclusiveMinimum');
  const low = Math.ceil((keywordOf(schema, 'minimum') ?? (exclusiveMinimum !== undefined ? exclusiveMinimum + 1 / scale : 0)) * scale);
  const high = Math.floor(Math.min(keywordOf(schema, 'maximum') ?? 1_000_000, 1_000_000) * scale);
  return fc.integer({ min: low, max: Math.max(low, high) }).map((scaled) => scaled / scale);
}

function moneyArbitrary(schema: FieldSchema): fc.Arbitrary<string> {
  const precision = keywordOf(schema, 'x-precision') ?? 2;
  const toUnits = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : Math.round(Number(text) * 10 ** precision);
  const low = toUnits(keywordOf(schema, 'x-min'), 0);
  const high = toUnits(keywordOf(schema, 'x-max'), 10_000_000_000);
  return fc.integer({ min: low, max: Math.max(low, Math.min(high, Number.MAX_SAFE_INTEGER)) }).map((units) => {
    const text = String(units).padStart(precision + 1, '0');
    return precision === 0 ? text : `${text.slice(0, -precision)}.${text.slice(-precision)}`;
  });
}

/** The data with the answer at `leafIndex` (among `formLeaves`) made wrong for its kind, and that answer's path. */
export function withOneWrongAnswer(
  schema: FieldSchema,
  data: Record<string, unknown>,
  leafIndex: number,
): { data: Record<string, unknown>; path: string } | undefined {
  const leaves = formLeaves(schema, data);
  const leaf = leaves[leafIndex % Math.max(leaves.length, 1)];
  if (!leaf) return undefined;
  const copy = structuredClone(data);
  setValueAt(copy, parsePath(leaf.path), wrongValue(leaf.schema));
  return { data: copy, path: leaf.path };
}

function wrongValue(schema: FieldSchema): unknown {
  switch (kindOf(schema)) {
    case 'number':
      return keywordOf(schema, 'maximum') !== undefined ? (keywordOf(schema, 'maximum') as number) + 1 : -1;
    case 'money':
      return '12.3456';
    case 'date':
      return '2026-02-30';
    case 'code':
      return 'NO-SUCH-CODE';
    case 'codes':
      return 'NO-SUCH-CODE';
    case 'yes-no':
      return '是';
    case 'division-address':
      return '古楼街道东关街88号';
    case 'credit-code':
      return '91350100M000100Y44';
    case 'resident-id':
      return '11010519491231002Y';
    case 'phone':
      return '12345';
    default:
      return 12345;
  }
}
