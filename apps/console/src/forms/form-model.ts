import {
  PREFILL_SOURCES,
  effectiveSchema,
  formatPath,
  keywordOf,
  kindOf,
  matchingRules,
  parsePath,
  schemaAt,
  setValueAt,
  valueAt,
  valueFromPrefill,
  type FieldSchema,
  type FilledField,
  type FormDefinition,
  type FormSchema,
  type PrefillRef,
  type PrefillSource,
  type SituationAnswers,
} from '@onewindow/forms';
import type { Prefill } from '@/api/bridge';

/**
 * The form as the window fills it: which fields show for the 办理情形 answers, what the blank form
 * holds, which fields the shared data sources fill, and how a look-up fills them. Plain functions
 * over the catalogue's form definition (JSON Schema 2020-12 with @onewindow/forms' keywords).
 */
export type FormData = Record<string, unknown>;

/** A group of the layout with the fields that exist for the current answers. */
export interface ShownGroup {
  title: string;
  description?: string;
  fields: Array<{ path: string; schema: FieldSchema; required: boolean }>;
}

/** The schema for the 办理情形 answers: situational fields added, situational requirements marked. */
export function schemaFor(definition: FormDefinition, answers: SituationAnswers, itemCode?: string): FormSchema {
  return effectiveSchema(definition, matchingRules(definition, answers, itemCode));
}

/** Whether the field at `path` must be filled: its parent object lists it as required. */
export function isRequired(schema: FieldSchema, path: string): boolean {
  const segments = parsePath(path);
  const name = segments.at(-1);
  const parent = schemaAt(schema, segments.slice(0, -1));
  return typeof name === 'string' && (keywordOf(parent ?? {}, 'required') ?? []).includes(name);
}

/** The layout's groups, each with the fields the schema has now (a situational field shows only in its situation). */
export function shownGroups(definition: FormDefinition, schema: FormSchema): ShownGroup[] {
  return definition.layout.groups
    .map((group) => ({
      title: group.title,
      ...(group.description ? { description: group.description } : {}),
      fields: group.fields.flatMap((path) => {
        const field = schemaAt(schema, parsePath(path));
        return field ? [{ path, schema: field, required: isRequired(schema, path) }] : [];
      }),
    }))
    .filter((group) => group.fields.length > 0);
}

/** An empty value of a field's shape: groups as objects, tables with their least rows, yes/no unanswered. */
export function blankValue(schema: FieldSchema): unknown {
  const kind = kindOf(schema);
  if (kind === 'group') {
    return Object.fromEntries(Object.entries(keywordOf(schema, 'properties') ?? {}).map(([name, field]) => [name, blankValue(field)]));
  }
  if (kind === 'repeat') {
    const rows = keywordOf(schema, 'minItems') ?? 0;
    return Array.from({ length: rows }, () => blankValue(schema.items ?? {}));
  }
  if (kind === 'codes') return [];
  if (kind === 'division-address') return { division: '', detail: '' };
  if (kind === 'number' || kind === 'yes-no') return null;
  return '';
}

/** The blank form: every field of the schema, so each control has its place in the data. */
export function blankForm(schema: FormSchema): FormData {
  return blankValue(schema) as FormData;
}

/** Fields the schema has now that the data lacks (a situation just added them) get their blank value. */
export function withFieldsOf(schema: FieldSchema, data: unknown): unknown {
  const kind = kindOf(schema);
  if (kind === 'group') {
    const current = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    return Object.fromEntries(
      Object.entries(keywordOf(schema, 'properties') ?? {}).map(([name, field]) => [
        name,
        name in current ? withFieldsOf(field, current[name]) : blankValue(field),
      ]),
    );
  }
  return data === undefined ? blankValue(schema) : data;
}

export interface PrefillTarget {
  path: string;
  schema: FieldSchema;
  ref: PrefillRef;
}

/** Every field the shared data sources can fill (`x-prefill`), with the key field it is looked up by. */
export function prefillTargets(schema: FieldSchema, prefix = ''): PrefillTarget[] {
  const targets: PrefillTarget[] = [];
  for (const [name, field] of Object.entries(keywordOf(schema, 'properties') ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const ref = keywordOf(field, 'x-prefill');
    // `from` names the key field from the top of the form (a merged form rewrites it so).
    if (ref) targets.push({ path, schema: field, ref });
    if (kindOf(field) === 'group') targets.push(...prefillTargets(field, path));
  }
  return targets;
}

/** The look-up keys of the form: fields that others are filled by, each with its source. */
export function lookupKeys(schema: FieldSchema): Array<{ path: string; source: PrefillSource }> {
  const keys = new Map<string, PrefillSource>();
  for (const target of prefillTargets(schema)) keys.set(target.ref.from, target.ref.source);
  return [...keys].map(([path, source]) => ({ path, source }));
}

/** The bridge's key parameter for a source (creditCode, idNumber, projectCode). */
export function lookupKeyOf(source: PrefillSource): 'creditCode' | 'idNumber' | 'projectCode' {
  return PREFILL_SOURCES[source].key;
}

/**
 * Fills every field looked up by `keyPath` from the bridge's answer, in the field's shape; returns
 * the data with them and what was filled (path, source, value as filled) for `formSources`.
 */
export function applyPrefill(
  schema: FieldSchema,
  data: FormData,
  keyPath: string,
  prefill: Prefill,
): { data: FormData; filled: FilledField[] } {
  // Form data is JSON; a copy through JSON also unwraps the page's reactive proxies.
  const next = JSON.parse(JSON.stringify(data)) as FormData;
  const filled: FilledField[] = [];
  for (const target of prefillTargets(schema)) {
    if (target.ref.from !== keyPath || lookupKeyOf(target.ref.source) !== prefill.key.kind) continue;
    const found = prefill.fields.find((field) => field.path === target.ref.field);
    const value = found === undefined ? undefined : valueFromPrefill(target.schema, found.value);
    if (value === undefined) continue;
    setValueAt(next, parsePath(target.path), value);
    filled.push({
      path: target.path,
      source: target.ref.source,
      sourceName: prefill.source,
      fetchedAt: prefill.fetchedAt,
      value,
      prefillId: prefill.prefillId,
    });
  }
  return { data: next, filled };
}

/** The value at a path of the form data. */
export function valueOf(data: FormData, path: string): unknown {
  return valueAt(data, parsePath(path));
}

/** The path of a table's cell: `shareholders` row 2 field `name` → `shareholders[2].name`. */
export function cellPath(tablePath: string, row: number, field: string): string {
  return `${formatPath([...parsePath(tablePath), row])}.${field}`;
}
