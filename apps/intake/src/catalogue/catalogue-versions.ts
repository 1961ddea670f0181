import { EMPTY_FORM } from '@onewindow/forms';
import type { BundleSpec, CatalogueDocument, DepartmentSpec, ServiceItemSpec } from './catalogue-document';
import type { ServiceBundle } from './service-bundle.entity';
import type { ServiceItem } from './service-item.entity';

/** An item's content: everything but identity and version bookkeeping. */
export type ItemContent = Omit<ServiceItem, 'id' | 'version' | 'current' | 'createdAt'>;
export type BundleContent = Omit<ServiceBundle, 'id' | 'version' | 'current' | 'createdAt'>;

export interface ImportPlan {
  /** New items and changed items, each becoming the next version of its code. */
  items: Array<{ content: ItemContent; version: number }>;
  bundles: Array<{ content: BundleContent; version: number }>;
  unchanged: { items: number; bundles: number };
}

/**
 * Which rows an import writes. Editing an item never changes applications already accepted:
 * a changed item becomes a new version and the old version stays for the applications that
 * refer to it. Items absent from the file are left alone (an import adds and changes, it never
 * withdraws an item).
 */
export function planImport(document: CatalogueDocument, current: { items: ServiceItem[]; bundles: ServiceBundle[] }): ImportPlan {
  const departments = new Map(document.departments.map((department) => [department.code, department]));
  const plan: ImportPlan = { items: [], bundles: [], unchanged: { items: 0, bundles: 0 } };
  for (const spec of document.items) {
    const content = itemContentOf(spec, departments);
    const existing = current.items.find((item) => item.code === spec.code);
    if (existing && sameContent(itemContentOfRow(existing), content)) plan.unchanged.items += 1;
    else plan.items.push({ content, version: (existing?.version ?? 0) + 1 });
  }
  for (const spec of document.bundles) {
    const content = bundleContentOf(spec, departments);
    const existing = current.bundles.find((bundle) => bundle.code === spec.code);
    if (existing && sameContent(bundleContentOfRow(existing), content)) plan.unchanged.bundles += 1;
    else plan.bundles.push({ content, version: (existing?.version ?? 0) + 1 });
  }
  return plan;
}

/** The current catalogue as a file that `planImport` takes back unchanged. */
export function exportCatalogue(items: ServiceItem[], bundles: ServiceBundle[]): CatalogueDocument {
  const departments = new Map<string, DepartmentSpec>();
  const remember = (code: string, name: string) => departments.set(code, { code, name });
  for (const item of items) {
    remember(item.departmentCode, item.departmentName);
    item.supervisingDepartments.forEach((department) => remember(department.code, department.name));
  }
  bundles.forEach((bundle) => remember(bundle.leadDepartmentCode, bundle.leadDepartmentName));
  return {
    departments: [...departments.values()].sort((a, b) => a.code.localeCompare(b.code)),
    items: [...items].sort((a, b) => a.code.localeCompare(b.code)).map(itemSpecOf),
    bundles: [...bundles]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((bundle) => ({
        code: bundle.code,
        name: bundle.name,
        description: bundle.description,
        leadDepartment: bundle.leadDepartmentCode,
        itemCodes: bundle.itemCodes,
      })),
  };
}

function itemContentOf(spec: ServiceItemSpec, departments: Map<string, DepartmentSpec>): ItemContent {
  const department = (code: string) => ({ code, name: departments.get(code)?.name ?? code });
  return {
    code: spec.code,
    name: spec.name,
    departmentCode: spec.department,
    departmentName: department(spec.department).name,
    kind: spec.kind,
    handlingType: spec.handlingType,
    legalWorkingDays: spec.legalWorkingDays,
    committedWorkingDays: spec.committedWorkingDays,
    conditions: spec.conditions,
    legalBasis: spec.legalBasis,
    fee: spec.fee,
    channels: spec.channels,
    levels: spec.levels,
    entrustedToWindow: spec.entrustedToWindow,
    handledInDepartmentSystem: spec.handledInDepartmentSystem,
    supervisingDepartments: spec.supervisingDepartments.map(department),
    questions: spec.questions,
    materials: spec.materials,
    form: spec.form,
  };
}

function itemContentOfRow(item: ServiceItem): ItemContent {
  const { id: _id, version: _version, current: _current, createdAt: _createdAt, ...content } = item;
  return content;
}

function itemSpecOf(item: ServiceItem): ServiceItemSpec {
  return {
    code: item.code,
    name: item.name,
    department: item.departmentCode,
    kind: item.kind,
    handlingType: item.handlingType,
    legalWorkingDays: item.legalWorkingDays,
    committedWorkingDays: item.committedWorkingDays,
    conditions: item.conditions,
    legalBasis: item.legalBasis,
    fee: item.fee,
    channels: item.channels,
    levels: item.levels,
    entrustedToWindow: item.entrustedToWindow,
    handledInDepartmentSystem: item.handledInDepartmentSystem,
    supervisingDepartments: item.supervisingDepartments.map((department) => department.code),
    questions: item.questions,
    materials: item.materials,
    form: item.form ?? EMPTY_FORM,
  };
}

function bundleContentOf(spec: BundleSpec, departments: Map<string, DepartmentSpec>): BundleContent {
  return {
    code: spec.code,
    name: spec.name,
    description: spec.description,
    leadDepartmentCode: spec.leadDepartment,
    leadDepartmentName: departments.get(spec.leadDepartment)?.name ?? spec.leadDepartment,
    itemCodes: spec.itemCodes,
  };
}

function bundleContentOfRow(bundle: ServiceBundle): BundleContent {
  const { id: _id, version: _version, current: _current, createdAt: _createdAt, ...content } = bundle;
  return content;
}

/** Key order and absent-versus-undefined do not count as a change. */
function sameContent(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
