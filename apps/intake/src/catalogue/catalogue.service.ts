import { Injectable, Logger } from '@nestjs/common';
import { describeSyntaxError } from '@onewindow/domain';
import { DomainError, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { validateCatalogueDocument, type CatalogueDocument } from './catalogue-document';
import { exportCatalogue, planImport } from './catalogue-versions';
import { CatalogueRepository, type CurrentItemFilter } from './catalogue.repository';
import { DEMO_CATALOGUE_DOCUMENT } from './demo-catalogue.data';
import { ServiceBundle } from './service-bundle.entity';
import { ServiceItem } from './service-item.entity';
import { ApplicationForms } from '../forms/application-forms';
import type { FieldRoute, FormDefinition } from '@onewindow/forms';

export type CatalogueFormat = 'json' | 'yaml';

/** An item version's form, its data elements resolved: what the window and the online form render. */
export interface ItemForm {
  itemCode: string;
  itemVersion: number;
  itemName: string;
  form: FormDefinition;
}

/** A bundle's 一表申请 form and which item each field goes to. */
export interface BundleForm {
  bundleCode: string;
  bundleVersion: number;
  bundleName: string;
  items: Array<{ code: string; version: number; name: string; departmentName: string }>;
  form: FormDefinition;
  routes: FieldRoute[];
}

export interface ImportSummary {
  itemsCreatedOrChanged: string[];
  bundlesCreatedOrChanged: string[];
  unchanged: { items: number; bundles: number };
}

const MAX_FILE_CHARACTERS = 5_000_000;

@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
    private readonly forms: ApplicationForms,
  ) {}

  async listCurrent(filter: CurrentItemFilter): Promise<Page<ServiceItem>> {
    return this.catalogue.listCurrentItems(filter);
  }

  /** One item: the current version, or a given one (what an application was accepted under). */
  async findItem(code: string, version?: number): Promise<ServiceItem> {
    return this.catalogue.getItemOrFail({ code, version });
  }

  /** Every version of an item, newest first: what changed when, and the versions older applications were filed under. */
  async itemVersions(code: string): Promise<ServiceItem[]> {
    return this.catalogue.itemVersionsOrFail(code);
  }

  /** The departments with current items, by code: the catalogue's department filter. */
  async departments(): Promise<Array<{ code: string; name: string; items: number }>> {
    return this.catalogue.departments();
  }

  /** 申请表 of an item: the current version's, or the version an application was filed under. */
  async itemForm(code: string, version?: number): Promise<ItemForm> {
    const item = await this.findItem(code, version);
    return { itemCode: item.code, itemVersion: item.version, itemName: item.name, form: this.forms.itemForm(item).definition };
  }

  /** 一表申请: the bundle's items' forms merged, each shared data element asked once. */
  async bundleForm(code: string): Promise<BundleForm> {
    const bundle = await this.findBundle(code);
    const rows = await this.catalogue.currentItems(bundle.itemCodes);
    const items = bundle.itemCodes
      .map((itemCode) => rows.find((row) => row.code === itemCode))
      .filter((item): item is ServiceItem => item !== undefined);
    const filing = this.forms.forFiling(items, `${bundle.name}一表申请`);
    return {
      bundleCode: bundle.code,
      bundleVersion: bundle.version,
      bundleName: bundle.name,
      items: items.map((item) => ({ code: item.code, version: item.version, name: item.name, departmentName: item.departmentName })),
      form: filing.compiled.definition,
      routes: filing.merged.routes,
    };
  }

  async listBundles(): Promise<ServiceBundle[]> {
    return this.catalogue.listCurrentBundles();
  }

  async findBundle(code: string): Promise<ServiceBundle> {
    return this.catalogue.getCurrentBundleOrFail(code);
  }

  /** Parses and validates a catalogue file; every problem is reported with its path, nothing is written. */
  parseFile(content: string, format: CatalogueFormat): CatalogueDocument {
    if (content.length > MAX_FILE_CHARACTERS) {
      throw DomainError.validation(
        [{ path: 'content', code: 'TOO_LARGE', message: `文件过大（上限${MAX_FILE_CHARACTERS}个字符）` }],
        'too-large',
      );
    }
    let parsed: unknown;
    try {
      parsed = format === 'yaml' ? parseYaml(content, { maxAliasCount: 100 }) : JSON.parse(content);
    } catch (error) {
      const message = describeSyntaxError(error, format === 'yaml' ? 'YAML' : 'JSON', content);
      throw DomainError.validation([{ path: 'content', code: 'UNPARSABLE', message }], 'unprocessable');
    }
    const problems = validateCatalogueDocument(parsed);
    if (problems.length > 0) {
      throw DomainError.validation(
        problems.map((problem) => ({ path: problem.path, code: 'CATALOGUE_INVALID', message: problem.message })),
        'unprocessable',
      );
    }
    return parsed as CatalogueDocument;
  }

  /** Imports a validated catalogue: new and changed items become new versions, in one transaction. */
  async import(document: CatalogueDocument): Promise<ImportSummary> {
    const problems = validateCatalogueDocument(document);
    if (problems.length > 0) {
      throw DomainError.validation(
        problems.map((p) => ({ path: p.path, code: 'CATALOGUE_INVALID', message: p.message })),
        'unprocessable',
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const current = await this.catalogue.lockCurrent(tx, {
        items: document.items.map((item) => item.code),
        bundles: document.bundles.map((bundle) => bundle.code),
      });
      const plan = planImport(document, current);
      await this.catalogue.writeVersions(tx, plan);
      const summary = {
        itemsCreatedOrChanged: plan.items.map((entry) => `${entry.content.code}@${entry.version}`),
        bundlesCreatedOrChanged: plan.bundles.map((entry) => `${entry.content.code}@${entry.version}`),
        unchanged: plan.unchanged,
      };
      this.logger.log(
        `Catalogue import: ${plan.items.length} item version(s) and ${plan.bundles.length} bundle version(s) written, ` +
          `${plan.unchanged.items} item(s) and ${plan.unchanged.bundles} bundle(s) unchanged`,
      );
      return summary;
    });
  }

  async export(format: CatalogueFormat): Promise<string> {
    const { items, bundles } = await this.catalogue.current();
    const document = exportCatalogue(items, bundles);
    return format === 'yaml' ? stringifyYaml(document, { lineWidth: 0 }) : `${JSON.stringify(document, null, 2)}\n`;
  }

  /** Loads the demo catalogue into an empty database (the embedded default and the demo). */
  async seedDemoCatalogue(): Promise<number> {
    if (!(await this.catalogue.isEmpty())) return 0;
    await this.import(DEMO_CATALOGUE_DOCUMENT);
    this.logger.log(
      `Seeded ${DEMO_CATALOGUE_DOCUMENT.items.length} demo service items and ${DEMO_CATALOGUE_DOCUMENT.bundles.length} bundles`,
    );
    return DEMO_CATALOGUE_DOCUMENT.items.length;
  }
}
