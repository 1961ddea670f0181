import type { PathSegment } from '@onewindow/domain';
import type { FieldKind, FieldSchema } from './form-definition';

/** Paths are written as everywhere in the platform (`builder.name`, `shareholders[0].name`): `@onewindow/domain`'s document paths. */
export { formatPath, parsePath, pointerSegments, type PathSegment } from '@onewindow/domain';

/** The subschemas that describe one instance: the schema itself and what its `allOf` adds. */
function facets(schema: FieldSchema): FieldSchema[] {
  return [schema, ...(schema.allOf ?? []).flatMap(facets)];
}

/** The schema of the value at `segments` (a row index steps into `items`). */
export function schemaAt(schema: FieldSchema, segments: readonly PathSegment[]): FieldSchema | undefined {
  let current: FieldSchema | undefined = schema;
  for (const segment of segments) {
    if (!current) return undefined;
    const parts = facets(current);
    current =
      typeof segment === 'number'
        ? parts.map((part) => part.items).find(Boolean)
        : parts.map((part) => part.properties?.[segment]).find(Boolean);
  }
  return current;
}

/** A schema's own keyword, looked up through its `allOf` too (a merged field's title, unit, codes). */
export function keywordOf<K extends keyof FieldSchema>(schema: FieldSchema, keyword: K): FieldSchema[K] | undefined {
  return facets(schema)
    .map((part) => part[keyword])
    .find((value) => value !== undefined);
}

/** What a field holds: its declared kind, or what its JSON type says for schemas written without one. */
export function kindOf(schema: FieldSchema): FieldKind {
  const declared = keywordOf(schema, 'x-kind');
  if (declared) return declared;
  const type = keywordOf(schema, 'type');
  if (type === 'object') return 'group';
  if (type === 'array') return keywordOf(schema.items ?? {}, 'type') === 'object' ? 'repeat' : 'codes';
  if (type === 'boolean') return 'yes-no';
  if (type === 'number' || type === 'integer') return 'number';
  if (keywordOf(schema, 'x-codes')) return 'code';
  if (keywordOf(schema, 'format') === 'date') return 'date';
  return 'text';
}

/**
 * The label a person reads for the value at `segments`: a nested field is named with its group
 * (建设单位 + 名称 = 建设单位名称), a row with its number (股东第2行姓名).
 */
export function labelAt(schema: FieldSchema, segments: readonly PathSegment[]): string {
  let label = '';
  let current: FieldSchema | undefined = schema;
  for (const segment of segments) {
    if (!current) break;
    current = schemaAt(current, [segment]);
    if (typeof segment === 'number') {
      label += `第${segment + 1}行`;
      continue;
    }
    const title = current ? keywordOf(current, 'title') : undefined;
    label += title ?? segment;
  }
  return label || (keywordOf(schema, 'title') ?? '申请表');
}

/** The value at `segments`, or undefined. */
export function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Sets the value at `segments`, creating the objects and arrays on the way. */
export function setValueAt(data: Record<string, unknown>, segments: readonly PathSegment[], value: unknown): void {
  let current: Record<string | number, unknown> = data;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      current[segment] = value;
      return;
    }
    const next = segments[index + 1];
    if (current[segment] === null || typeof current[segment] !== 'object') current[segment] = typeof next === 'number' ? [] : {};
    current = current[segment] as Record<string | number, unknown>;
  });
}
