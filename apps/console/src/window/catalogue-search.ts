import type { ServiceBundle, ServiceItem } from '@/api/intake';

/**
 * 办件受理's search: a clerk types part of a name, a department or any keyword an applicant
 * says ("餐饮", "卫生许可", "市场监管"), and sees matching bundles (一件事) and items.
 */
export interface Department {
  code: string;
  name: string;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '');
}

/** Every word of the query must occur in one of the texts (name, code, department, conditions, materials). */
export function matchesKeywords(texts: Array<string | undefined>, query: string): boolean {
  const words = query
    .split(/[\s,，、]+/)
    .map(normalise)
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts
    .filter(Boolean)
    .map((text) => normalise(text as string))
    .join('\n');
  return words.every((word) => haystack.includes(word));
}

export function itemMatches(item: ServiceItem, query: string, departmentCode: string | null): boolean {
  if (departmentCode && item.departmentCode !== departmentCode) return false;
  return matchesKeywords([item.name, item.code, item.departmentName, ...item.conditions, ...item.materials.map((m) => m.name)], query);
}

export function bundleMatches(
  bundle: ServiceBundle,
  items: Map<string, ServiceItem>,
  query: string,
  departmentCode: string | null,
): boolean {
  const members = bundle.itemCodes.map((code) => items.get(code)).filter((item): item is ServiceItem => item !== undefined);
  if (departmentCode && !members.some((item) => item.departmentCode === departmentCode)) return false;
  return matchesKeywords(
    [bundle.name, bundle.code, bundle.description, ...members.flatMap((item) => [item.name, item.departmentName])],
    query,
  );
}

/** The departments of the catalogue, once each, in the order of their codes. */
export function departmentsOf(items: ServiceItem[]): Department[] {
  const byCode = new Map<string, string>();
  for (const item of items) byCode.set(item.departmentCode, item.departmentName);
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** A town or village window may take in a county-only item: it is handed up (乡呼县应). */
export function handedUpAt(item: ServiceItem, level: string | null | undefined): boolean {
  return !!level && !(item.levels as string[]).includes(level);
}
