import { findDataElement } from '../elements/data-elements';
import {
  FORM_SCHEMA_DIALECT,
  type FieldSchema,
  type FormDefinition,
  type FormSchema,
  type LayoutGroup,
  type SituationRule,
} from '../definition/form-definition';
import { formatPath, keywordOf, parsePath, setValueAt, valueAt } from '../definition/paths';
import { resolveForm } from '../definition/resolve-form';

/** One item's form within an application of several items (a bundle, 一件事). */
export interface FormPart {
  itemCode: string;
  itemName: string;
  form: FormDefinition;
}

/** Where one field of a merged form goes: to these items, at these paths of their own forms. */
export interface FieldRoute {
  /** The field in the merged form: a shared element's key (`businessAddress`) or `<itemCode>.<field>`. */
  path: string;
  label: string;
  /** The data element, for a field asked once for several items. */
  element?: string;
  items: Array<{ itemCode: string; path: string }>;
}

/** 一表申请: the one form for several items, and where each of its fields goes. */
export interface MergedForm {
  form: FormDefinition;
  routes: FieldRoute[];
}

const SHARED_GROUP_TITLE = '共同信息（各部门共用，只填一次）';

/**
 * Merges the forms of several items into one (一表申请). A top-level field that is a data element
 * is asked once, under the element's key, for every item that asks for it: required if any item
 * requires it, constrained by every item's rules. What only one item asks stays in that item's
 * own group, under its item code. Situation rules keep working on each item's own answers. One
 * item's form is returned as it is.
 */
export function mergeForms(parts: FormPart[], title: string): MergedForm {
  const resolved = parts.map((part) => ({ ...part, form: resolveForm(part.form) }));
  if (resolved.length === 1) return single(resolved[0] as FormPart);

  const shared = new Map<
    string,
    {
      key: string;
      facets: Array<{ schema: FieldSchema; required: boolean }>;
      required: boolean;
      items: Array<{ itemCode: string; path: string }>;
    }
  >();
  for (const part of resolved) {
    const required = new Set(part.form.schema.required ?? []);
    for (const [name, fieldSchema] of Object.entries(part.form.schema.properties)) {
      const code = fieldSchema['x-element'];
      const element = code ? findDataElement(code) : undefined;
      if (!code || !element) continue;
      const entry = shared.get(code) ?? { key: element.key, facets: [], required: false, items: [] };
      entry.facets.push({ schema: fieldSchema, required: required.has(name) });
      entry.required ||= required.has(name);
      entry.items.push({ itemCode: part.itemCode, path: name });
      shared.set(code, entry);
    }
  }
  const sharedName = (itemCode: string, name: string) =>
    [...shared.values()].find((entry) => entry.items.some((item) => item.itemCode === itemCode && item.path === name))?.key;
  const mapPath = (itemCode: string, path: string): string => {
    const [first, ...rest] = parsePath(path);
    const key = typeof first === 'string' ? sharedName(itemCode, first) : undefined;
    return formatPath(key ? [key, ...rest] : [itemCode, ...parsePath(path)]);
  };

  const properties: Record<string, FieldSchema> = {};
  const required: string[] = [];
  const routes: FieldRoute[] = [];
  for (const [code, entry] of shared) {
    const facets = entry.facets.map((facet, index) => ({
      ...facet,
      schema: rewritePrefill(facet.schema, (from) => mapPath(entry.items[index]?.itemCode ?? '', from)),
    }));
    properties[entry.key] = combine(facets);
    if (entry.required) required.push(entry.key);
    routes.push({
      path: entry.key,
      label: keywordOf(properties[entry.key] as FieldSchema, 'title') ?? entry.key,
      element: code,
      items: entry.items,
    });
  }

  const situations: SituationRule[] = [];
  for (const part of resolved) {
    const own = Object.entries(part.form.schema.properties).filter(([name]) => !sharedName(part.itemCode, name));
    const ownRequired = (part.form.schema.required ?? []).filter((name) => !sharedName(part.itemCode, name));
    const rules = part.form.situations ?? [];
    if (own.length > 0 || rules.some((rule) => rule.fields)) {
      properties[part.itemCode] = {
        type: 'object',
        'x-kind': 'group',
        title: part.itemName,
        properties: rewriteEach(Object.fromEntries(own), (from) => mapPath(part.itemCode, from)),
        required: ownRequired,
        additionalProperties: false,
      };
      if (ownRequired.length > 0) required.push(part.itemCode);
    }
    for (const [name, fieldSchema] of own) {
      routes.push({
        path: `${part.itemCode}.${name}`,
        label: keywordOf(fieldSchema, 'title') ?? name,
        items: [{ itemCode: part.itemCode, path: name }],
      });
    }
    for (const rule of rules) {
      const requirePaths = (rule.require ?? []).map((path) => mapPath(part.itemCode, path));
      // A field required inside the item's group needs the group itself, even when the group is otherwise optional.
      if (requirePaths.some((path) => path.startsWith(`${part.itemCode}.`))) requirePaths.push(part.itemCode);
      const at = rule.at ? mapPath(part.itemCode, rule.at) : part.itemCode;
      situations.push({
        when: { ...rule.when, item: part.itemCode },
        ...(requirePaths.length > 0 ? { require: requirePaths } : {}),
        ...(rule.fields ? { fields: rewriteEach(rule.fields, (from) => mapPath(part.itemCode, from)), at } : {}),
      });
      for (const [name, fieldSchema] of Object.entries(rule.fields ?? {})) {
        const itemPath = rule.at ? `${rule.at}.${name}` : name;
        routes.push({
          path: `${at}.${name}`,
          label: keywordOf(fieldSchema, 'title') ?? name,
          items: [{ itemCode: part.itemCode, path: itemPath }],
        });
      }
    }
  }

  const schema: FormSchema = { $schema: FORM_SCHEMA_DIALECT, title, type: 'object', properties, required, additionalProperties: false };
  return {
    form: { schema, layout: { groups: mergedLayout(resolved, shared, mapPath), ...mergedControls(resolved, mapPath) }, situations },
    routes,
  };
}

/** The part of the merged data that one item receives, by its own form's field names. */
export function projectFormData(merged: MergedForm, data: Record<string, unknown>, itemCode: string): Record<string, unknown> {
  const projection: Record<string, unknown> = {};
  for (const route of merged.routes) {
    const target = route.items.find((item) => item.itemCode === itemCode);
    const value = valueAt(data, parsePath(route.path));
    if (target && value !== undefined) setValueAt(projection, parsePath(target.path), value);
  }
  return projection;
}

/** Where a value at `path` of the merged form lands in each item's form (a shared value lands in several). */
export function itemPathsOf(merged: MergedForm, path: string): Array<{ itemCode: string; path: string }> {
  const route = merged.routes.find(
    (candidate) => path === candidate.path || path.startsWith(`${candidate.path}.`) || path.startsWith(`${candidate.path}[`),
  );
  if (!route) return [];
  const rest = path.slice(route.path.length);
  return route.items.map((item) => ({ itemCode: item.itemCode, path: `${item.path}${rest}` }));
}

function single(part: FormPart): MergedForm {
  const { properties } = part.form.schema;
  const routes: FieldRoute[] = Object.entries(properties).map(([name, fieldSchema]) => ({
    path: name,
    label: keywordOf(fieldSchema, 'title') ?? name,
    ...(fieldSchema['x-element'] ? { element: fieldSchema['x-element'] } : {}),
    items: [{ itemCode: part.itemCode, path: name }],
  }));
  for (const rule of part.form.situations ?? []) {
    for (const [name, fieldSchema] of Object.entries(rule.fields ?? {})) {
      const path = rule.at ? `${rule.at}.${name}` : name;
      if (!rule.at) routes.push({ path, label: keywordOf(fieldSchema, 'title') ?? name, items: [{ itemCode: part.itemCode, path }] });
    }
  }
  return { form: part.form, routes };
}

/**
 * One field from the same element in several forms: shown as the first item that requires it
 * shows it (else the first), filled from the first auto-fill source any item names, constrained
 * by every item's rules.
 */
function combine(facets: Array<{ schema: FieldSchema; required: boolean }>): FieldSchema {
  const shown = (facets.find((facet) => facet.required) ?? facets[0])?.schema ?? {};
  const others = facets.map((facet) => facet.schema).filter((schema) => schema !== shown);
  const prefill = [shown, ...others].find((schema) => schema['x-prefill'])?.['x-prefill'];
  const different = others.filter((other) => canonical(constraintsOf(other)) !== canonical(constraintsOf(shown)));
  return {
    ...shown,
    ...(prefill ? { 'x-prefill': prefill } : {}),
    ...(different.length > 0 ? { allOf: different.map(constraintsOf) } : {}),
  };
}

/** A field without what only annotates it (labels, help, its auto-fill source). */
function constraintsOf(schema: FieldSchema): FieldSchema {
  const { title: _title, description: _description, 'x-prefill': _prefill, ...constraints } = schema;
  return constraints;
}

function rewritePrefill(schema: FieldSchema, map: (from: string) => string): FieldSchema {
  const copy: FieldSchema = { ...schema };
  if (copy['x-prefill']) copy['x-prefill'] = { ...copy['x-prefill'], from: map(copy['x-prefill'].from) };
  if (copy.properties) copy.properties = rewriteEach(copy.properties, map);
  if (copy.items) copy.items = rewritePrefill(copy.items, map);
  return copy;
}

function rewriteEach(fields: Record<string, FieldSchema>, map: (from: string) => string): Record<string, FieldSchema> {
  return Object.fromEntries(Object.entries(fields).map(([name, child]) => [name, rewritePrefill(child, map)]));
}

function mergedLayout(
  parts: FormPart[],
  shared: Map<string, { key: string }>,
  mapPath: (itemCode: string, path: string) => string,
): LayoutGroup[] {
  const sharedKeys = new Set([...shared.values()].map((entry) => entry.key));
  const groups: LayoutGroup[] = [{ title: SHARED_GROUP_TITLE, fields: [...sharedKeys] }];
  for (const part of parts) {
    for (const group of part.form.layout.groups) {
      const fields = group.fields
        .map((path) => mapPath(part.itemCode, path))
        .filter((path) => !sharedKeys.has(parsePath(path)[0] as string));
      if (fields.length > 0) groups.push({ ...group, title: `${part.itemName}：${group.title}`, fields });
    }
  }
  return groups.filter((group) => group.fields.length > 0);
}

function mergedControls(
  parts: FormPart[],
  mapPath: (itemCode: string, path: string) => string,
): Pick<FormDefinition['layout'], 'controls'> {
  const controls: NonNullable<FormDefinition['layout']['controls']> = {};
  for (const part of parts) {
    for (const [path, control] of Object.entries(part.form.layout.controls ?? {})) controls[mapPath(part.itemCode, path)] ??= control;
  }
  return Object.keys(controls).length > 0 ? { controls } : {};
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
