import { PREFILL_SOURCES, type FieldSchema, type PrefillSource } from '../definition/form-definition';
import { formatPath, keywordOf, kindOf, labelAt, parsePath, valueAt, type PathSegment } from '../definition/paths';
import { DIVISIONS, divisionName } from '../elements/divisions';

/** One filled-in answer of a form: a field that is not a group or a table, with its value. */
export interface FormLeaf {
  path: string;
  label: string;
  schema: FieldSchema;
  value: unknown;
}

/** The answers in the data, in the schema's order: groups and table rows opened, blanks left out. */
export function formLeaves(schema: FieldSchema, data: unknown): FormLeaf[] {
  const leaves: FormLeaf[] = [];
  const visit = (fieldSchema: FieldSchema, value: unknown, segments: PathSegment[]) => {
    if (value === undefined || value === null || value === '') return;
    const kind = segments.length === 0 ? 'group' : kindOf(fieldSchema);
    if (kind === 'group' && typeof value === 'object' && !Array.isArray(value)) {
      const properties = { ...collect(fieldSchema, 'properties') };
      const names = [...Object.keys(properties), ...Object.keys(value as object).filter((name) => !(name in properties))];
      names.forEach((name) => visit(properties[name] ?? {}, (value as Record<string, unknown>)[name], [...segments, name]));
      return;
    }
    if (kind === 'repeat' && Array.isArray(value)) {
      value.forEach((row, index) => visit(fieldSchema.items ?? {}, row, [...segments, index]));
      return;
    }
    leaves.push({ path: formatPath(segments), label: '', schema: fieldSchema, value });
  };
  visit(schema, data, []);
  return leaves.map((leaf) => ({ ...leaf, label: labelAt(schema, parsePath(leaf.path)) }));
}

function collect(schema: FieldSchema, keyword: 'properties'): Record<string, FieldSchema> {
  return Object.assign({}, ...(schema.allOf ?? []).map((part) => part[keyword] ?? {}), schema[keyword] ?? {});
}

/** A value as a person reads it: labels for codes, 是/否, the division's name, the unit after a number. */
export function displayText(schema: FieldSchema, value: unknown): string {
  const unit = keywordOf(schema, 'x-unit');
  const codes = keywordOf(schema, 'x-codes') ?? keywordOf(schema.items ?? {}, 'x-codes') ?? [];
  const label = (code: unknown) => codes.find((entry) => entry.code === code)?.label ?? String(code);
  switch (kindOf(schema)) {
    case 'money':
    case 'number':
      return `${String(value)}${unit ?? ''}`;
    case 'code':
      return label(value);
    case 'codes':
      return Array.isArray(value) ? value.map(label).join('、') : String(value);
    case 'yes-no':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'division-address': {
      const address = value as { division?: string; detail?: string };
      return `${(address.division && divisionName(address.division)) ?? address.division ?? ''}${address.detail ?? ''}`;
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * A value from the bridge's `GET /prefill` answer in the shape of the field it fills: an address
 * written out becomes `{ division, detail }`, an amount a decimal string. Undefined where it does
 * not fit (the field is then typed by hand).
 */
export function valueFromPrefill(schema: FieldSchema, raw: unknown): unknown {
  switch (kindOf(schema)) {
    case 'division-address':
      return typeof raw === 'string' ? addressFromText(raw) : undefined;
    case 'money': {
      const amount = typeof raw === 'number' ? raw.toFixed(keywordOf(schema, 'x-precision') ?? 2) : raw;
      return typeof amount === 'string' && /^\d+(\.\d+)?$/.test(amount) ? amount : undefined;
    }
    case 'number':
      return typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))
          ? Number(raw)
          : undefined;
    case 'yes-no':
      return typeof raw === 'boolean' ? raw : undefined;
    default:
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  }
}

/** 山东省聊城市东昌府区古楼街道东关街88号 → `{ division: '371502', detail: '古楼街道东关街88号' }`, by the longest known division name. */
export function addressFromText(text: string): { division: string; detail: string } | undefined {
  const trimmed = text.trim();
  const match = [...DIVISIONS]
    .flatMap((division) => [division.name, division.name.replace(/^山东省/, '')].map((name) => ({ division, name })))
    .filter(({ name }) => trimmed.startsWith(name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!match) return undefined;
  const detail = trimmed.slice(match.name.length).trim();
  return detail.length >= 2 ? { division: match.division.code, detail } : undefined;
}

/** 数据自动调取 as the form reports it: this field was filled from `source` at `fetchedAt`, with `value`. */
export interface FilledField {
  path: string;
  source: PrefillSource;
  /** The source as the bridge named it, e.g. 聊城市法人单位基础信息库. */
  sourceName: string;
  fetchedAt: string;
  /** The value as it was filled, before the clerk or applicant changed anything. */
  value: unknown;
  /** The bridge's look-up (`prefillId`), for the audit trail. */
  prefillId?: string;
}

/** Provenance as kept with the application: the fill, and whether a person changed the value afterwards. */
export interface FieldProvenance {
  path: string;
  source: PrefillSource;
  sourceName: string;
  fetchedAt: string;
  prefillId?: string;
  changed: boolean;
}

/** Counts for the 自动调取率 KPI: answers kept as filled, filled then changed, and typed. */
export interface FillStatistics {
  automatic: number;
  changed: number;
  typed: number;
}

/** Each filled field with whether the submitted value still is the filled one. */
export function provenanceOf(data: unknown, filled: readonly FilledField[]): FieldProvenance[] {
  return filled.map((field) => ({
    path: field.path,
    source: field.source,
    sourceName: field.sourceName || PREFILL_SOURCES[field.source].name,
    fetchedAt: field.fetchedAt,
    ...(field.prefillId ? { prefillId: field.prefillId } : {}),
    changed: !sameValue(valueAt(data, parsePath(field.path)), field.value),
  }));
}

export function fillStatistics(schema: FieldSchema, data: unknown, provenance: readonly FieldProvenance[]): FillStatistics {
  const leaves = formLeaves(schema, data);
  const byPath = new Map(provenance.map((entry) => [entry.path, entry]));
  const statistics: FillStatistics = { automatic: 0, changed: 0, typed: 0 };
  for (const leaf of leaves) {
    const filled = byPath.get(leaf.path);
    if (!filled) statistics.typed += 1;
    else if (filled.changed) statistics.changed += 1;
    else statistics.automatic += 1;
  }
  return statistics;
}

/** One answer changed by a correction (补正): what it said before and after, as read. */
export interface FormChange {
  path: string;
  label: string;
  before?: string;
  after?: string;
}

/** What a correction changed, answer by answer, in the schema's order. */
export function diffFormData(schema: FieldSchema, before: unknown, after: unknown): FormChange[] {
  const old = new Map(formLeaves(schema, before).map((leaf) => [leaf.path, leaf]));
  const changes: FormChange[] = [];
  for (const leaf of formLeaves(schema, after)) {
    const previous = old.get(leaf.path);
    old.delete(leaf.path);
    if (previous && sameValue(previous.value, leaf.value)) continue;
    changes.push({
      path: leaf.path,
      label: leaf.label,
      ...(previous ? { before: displayText(previous.schema, previous.value) } : {}),
      after: displayText(leaf.schema, leaf.value),
    });
  }
  for (const removed of old.values())
    changes.push({ path: removed.path, label: removed.label, before: displayText(removed.schema, removed.value) });
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
