/** 事项目录 for the administrator (and management, reading): items, versions, departments, export and import on intake. */
import * as intake from '@/api/generated/intake/sdk.gen';
import type {
  CatalogueControllerListData,
  CatalogueDepartmentView,
  ImportSummaryView,
  ServiceItemView,
} from '@/api/generated/intake/types.gen';
import type { Page } from '@/api/intake';

export type { CatalogueDepartmentView, ImportSummaryView, ServiceItemView };
export type CatalogueFormat = 'json' | 'yaml';
export type CatalogueFilter = NonNullable<CatalogueControllerListData['query']>;

export async function catalogueItems(filter: CatalogueFilter): Promise<Page<ServiceItemView>> {
  return (await intake.catalogueControllerList({ query: filter })).data as Page<ServiceItemView>;
}

export async function catalogueDepartments(): Promise<CatalogueDepartmentView[]> {
  return (await intake.catalogueControllerDepartments()).data as CatalogueDepartmentView[];
}

export async function itemVersions(code: string): Promise<ServiceItemView[]> {
  return (await intake.catalogueControllerVersions({ path: { code } })).data as ServiceItemView[];
}

/** The current catalogue as the file import takes back. */
export async function exportCatalogue(format: CatalogueFormat): Promise<string> {
  return (await intake.catalogueControllerExport({ query: { format }, parseAs: 'text' })).data as unknown as string;
}

/** Imports a catalogue file: the new versions, or an ApiError listing every problem by path. */
export async function importCatalogue(format: CatalogueFormat, content: string): Promise<ImportSummaryView> {
  return (await intake.catalogueControllerImport({ body: { format, content } })).data as ImportSummaryView;
}
