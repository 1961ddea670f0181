import { findDataElement } from '../elements/data-elements';
import type { FieldSchema, FormDefinition, FormSchema, SituationAnswers, SituationRule } from './form-definition';
import { parsePath, schemaAt } from './paths';

/**
 * The form with every data element reference (`x-element`) replaced by the element's definition,
 * the field's own keywords winning (its title, an auto-fill source, a tighter limit). `x-element`
 * stays as an annotation. An unknown element is left as it is; the catalogue check reports it.
 */
export function resolveForm(definition: FormDefinition): FormDefinition {
  return {
    ...definition,
    schema: resolveField(definition.schema) as FormSchema,
    ...(definition.situations
      ? {
          situations: definition.situations.map((rule) => (rule.fields ? { ...rule, fields: mapValues(rule.fields, resolveField) } : rule)),
        }
      : {}),
  };
}

function resolveField(schema: FieldSchema): FieldSchema {
  const elementCode = schema['x-element'];
  const element = elementCode ? findDataElement(elementCode) : undefined;
  const resolved: FieldSchema = element ? { ...element.schema, ...schema } : { ...schema };
  if (resolved.properties) resolved.properties = mapValues(resolved.properties, resolveField);
  if (resolved.items) resolved.items = resolveField(resolved.items);
  if (resolved.allOf) resolved.allOf = resolved.allOf.map(resolveField);
  return resolved;
}

/** The rules whose situation the answers meet. `itemCode` answers the rules of an item's own form. */
export function matchingRules(definition: FormDefinition, answers: SituationAnswers, itemCode?: string): number[] {
  return (definition.situations ?? []).flatMap((rule, index) => {
    const item = rule.when.item ?? itemCode;
    const answer = item === undefined ? undefined : answers[item]?.[rule.when.question];
    return answer !== undefined && rule.when.answers.includes(answer) ? [index] : [];
  });
}

/**
 * The schema that applies for the matching situation rules: the form's schema with the rules'
 * extra fields added and their fields required. A new object; the definition is not changed.
 */
export function effectiveSchema(definition: FormDefinition, ruleIndexes: readonly number[]): FormSchema {
  const schema = structuredClone(definition.schema);
  delete (schema as { $id?: string }).$id;
  const rules = ruleIndexes.map((index) => definition.situations?.[index]).filter((rule): rule is SituationRule => rule !== undefined);
  for (const rule of rules) {
    if (!rule.fields) continue;
    const target = rule.at ? schemaAt(schema, parsePath(rule.at)) : schema;
    if (target) target.properties = { ...target.properties, ...structuredClone(rule.fields) };
  }
  for (const rule of rules) {
    for (const path of rule.require ?? []) {
      const segments = parsePath(path);
      const name = segments.at(-1);
      const parent = schemaAt(schema, segments.slice(0, -1));
      if (parent && typeof name === 'string' && !(parent.required ?? []).includes(name))
        parent.required = [...(parent.required ?? []), name];
    }
  }
  return schema;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
