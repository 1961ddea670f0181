/** One pre-filled form field with where and when its value came from. */
export interface PrefilledField {
  path: string;
  value: string | number | boolean;
  source: string;
  fetchedAt: string;
}

/** The mapped record's leaves as form fields (`enterprise.address`, `shareholders[0].name`). */
export function prefilledFields(mapped: Record<string, unknown>, source: string, fetchedAt: Date): PrefilledField[] {
  const fields: PrefilledField[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((element, index) => visit(element, `${path}[${index}]`));
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).forEach(([key, child]) => visit(child, path ? `${path}.${key}` : key));
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields.push({ path, value, source, fetchedAt: fetchedAt.toISOString() });
    }
  };
  visit(mapped, '');
  return fields;
}

/** Share of fields filled automatically among all fields of the reported forms, rounded to 0.1 %. */
export function automaticShare(kept: number, changed: number, typed: number): number | null {
  const total = kept + changed + typed;
  return total === 0 ? null : Math.round((kept / total) * 1000) / 10;
}
