// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration for an untyped deep import
/// <reference path="./class-transformer-storage.d.ts" />
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

export type JsonSchema = Record<string, unknown>;

interface ValidationMeta {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/**
 * JSON Schema of a payload class, read from the class-validator decorators that validate it, so
 * the documentation cannot drift from the validation. Nested classes become `$ref`s collected in
 * `definitions`. Covers the decorators the contracts use.
 */
export function classToJsonSchema(target: new () => object, definitions: Map<string, JsonSchema> = new Map()): JsonSchema {
  if (definitions.has(target.name)) return { $ref: `#/components/schemas/${target.name}` };
  definitions.set(target.name, {});
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false) as unknown as ValidationMeta[];
  const byProperty = new Map<string, ValidationMeta[]>();
  for (const meta of metadata) byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, metas] of byProperty) {
    const optional = metas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (!optional) required.push(property);
    properties[property] = propertySchema(target, property, metas, definitions);
  }
  const schema: JsonSchema = { type: 'object', properties, ...(required.length ? { required } : {}) };
  definitions.set(target.name, schema);
  return { $ref: `#/components/schemas/${target.name}` };
}

function propertySchema(
  target: abstract new (...args: never[]) => unknown,
  property: string,
  metas: ValidationMeta[],
  definitions: Map<string, JsonSchema>,
): JsonSchema {
  const isArray = metas.some((m) => m.name === 'isArray' || m.each === true);
  const item: JsonSchema = {};
  const outer: JsonSchema = isArray ? { type: 'array' } : {};
  const apply = (meta: ValidationMeta, into: JsonSchema) => {
    const [first, second] = meta.constraints ?? [];
    switch (meta.name) {
      case 'isString':
        into['type'] = 'string';
        break;
      case 'isBoolean':
        into['type'] = 'boolean';
        break;
      case 'isInt':
        into['type'] = 'integer';
        break;
      case 'isObject':
        into['type'] = 'object';
        break;
      case 'isUuid':
        Object.assign(into, { type: 'string', format: 'uuid' });
        break;
      case 'isIso8601':
        Object.assign(into, { type: 'string', format: 'date-time' });
        break;
      case 'isIn':
        into['enum'] = first;
        break;
      case 'matches':
        Object.assign(into, { type: 'string', pattern: (first as RegExp).source });
        break;
      case 'isLength':
        Object.assign(into, { type: 'string', minLength: first, ...(second !== undefined ? { maxLength: second } : {}) });
        break;
      case 'maxLength':
        Object.assign(into, { type: 'string', maxLength: first });
        break;
      case 'min':
        into['minimum'] = first;
        break;
      case 'max':
        into['maximum'] = first;
        break;
      case 'arrayMinSize':
        outer['minItems'] = first;
        break;
      case 'arrayMaxSize':
        outer['maxItems'] = first;
        break;
      default:
        break;
    }
  };
  for (const meta of metas) {
    if (meta.type === ValidationTypes.NESTED_VALIDATION) {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(target, property);
      const nested = typeMeta?.typeFunction() as (new () => object) | undefined;
      if (nested) Object.assign(item, classToJsonSchema(nested, definitions));
      continue;
    }
    const describesTheArrayItself = isArray && !meta.each && ['arrayMinSize', 'arrayMaxSize', 'isArray'].includes(meta.name ?? '');
    apply(meta, describesTheArrayItself ? outer : item);
  }
  if (isArray) return { ...outer, items: item };
  return item;
}
