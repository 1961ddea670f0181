import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { readPage, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ImportPlan } from './catalogue-versions';
import { ServiceBundle } from './service-bundle.entity';
import { ServiceItem } from './service-item.entity';
import { INTAKE_ERRORS } from '../intake-errors';

export interface CurrentItemFilter extends PageRequest {
  departmentCode?: string;
  level?: string;
  search?: string;
}

/** An item by its code: its current version, or the version named (what an application was filed under). */
export interface ItemRef {
  code: string;
  version?: number | undefined;
}

/** The current rows of the catalogue: what an import compares a file with, and what an export writes out. */
export interface CurrentCatalogue {
  items: ServiceItem[];
  bundles: ServiceBundle[];
}

/**
 * The catalogue aggregate (事项标准库) as intake stores it: service items and bundles (一件事),
 * versioned — an edit adds a version and retires the current one, so an application keeps the
 * version it was filed under. Every read and write of them goes through here, and so do the
 * catalogue's "not found" refusals; a use case that spans a transaction passes its EntityManager.
 */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Current items for the catalogue's list, by code. */
  async listCurrentItems(filter: CurrentItemFilter): Promise<Page<ServiceItem>> {
    const query = this.dataSource
      .getRepository(ServiceItem)
      .createQueryBuilder('item')
      .where('item.current = true')
      .orderBy('item.code', 'ASC');
    if (filter.departmentCode) query.andWhere('item.departmentCode = :department', { department: filter.departmentCode });
    if (filter.level) query.andWhere('item.levels @> :level::jsonb', { level: JSON.stringify([filter.level]) });
    if (filter.search) query.andWhere('(item.name ILIKE :search OR item.code ILIKE :search)', { search: `%${filter.search}%` });
    return readPage(query, filter);
  }

  /** The item's current version, or the version named; null when there is none (the caller words the refusal). */
  async findItem({ code, version }: ItemRef, tx: EntityManager = this.dataSource.manager): Promise<ServiceItem | null> {
    return tx.getRepository(ServiceItem).findOne({ where: version ? { code, version } : { code, current: true } });
  }

  /** The item's current version, or the version named, or the catalogue's 404. */
  async getItemOrFail(ref: ItemRef): Promise<ServiceItem> {
    const item = await this.findItem(ref);
    if (!item) throw INTAKE_ERRORS.ITEM_NOT_FOUND({ code: ref.code, version: ref.version });
    return item;
  }

  /** Every version of the item, newest first, or the catalogue's 404 when the code was never in it. */
  async itemVersionsOrFail(code: string): Promise<ServiceItem[]> {
    const versions = await this.dataSource.getRepository(ServiceItem).find({ where: { code }, order: { version: 'DESC' } });
    if (versions.length === 0) throw INTAKE_ERRORS.ITEM_NOT_FOUND({ code });
    return versions;
  }

  /** The current versions of the items named, in no particular order; unknown and retired codes are left out. */
  async currentItems(codes: string[], tx: EntityManager = this.dataSource.manager): Promise<ServiceItem[]> {
    return tx.getRepository(ServiceItem).find({ where: { code: In(codes), current: true } });
  }

  /** The item versions named, in no particular order: the ones an application was filed under, whatever is current now. */
  async itemVersions(tx: EntityManager, refs: Array<{ code: string; version: number }>): Promise<ServiceItem[]> {
    return tx.getRepository(ServiceItem).find({ where: refs.map(({ code, version }) => ({ code, version })) });
  }

  /** The departments with current items, by code: the catalogue's department filter. */
  async departments(): Promise<Array<{ code: string; name: string; items: number }>> {
    const rows = await this.dataSource
      .getRepository(ServiceItem)
      .createQueryBuilder('item')
      .select('item.departmentCode', 'code')
      .addSelect('MIN(item.departmentName)', 'name')
      .addSelect('COUNT(*)', 'items')
      .where('item.current = true')
      .groupBy('item.departmentCode')
      .orderBy('item.departmentCode', 'ASC')
      .getRawMany<{ code: string; name: string; items: string }>();
    return rows.map((row) => ({ code: row.code, name: row.name, items: Number(row.items) }));
  }

  /** The bundle's current version, or null (filing refuses it field by field). */
  async findCurrentBundle(code: string, tx: EntityManager = this.dataSource.manager): Promise<ServiceBundle | null> {
    return tx.getRepository(ServiceBundle).findOne({ where: { code, current: true } });
  }

  /** The bundle's current version, or the catalogue's 404. */
  async getCurrentBundleOrFail(code: string): Promise<ServiceBundle> {
    return (await this.findCurrentBundle(code)) ?? bundleNotFound(code);
  }

  /** The current bundles, by code. */
  async listCurrentBundles(): Promise<ServiceBundle[]> {
    return this.dataSource.getRepository(ServiceBundle).find({ where: { current: true }, order: { code: 'ASC' } });
  }

  /** Every current item and bundle: what an export writes out. */
  async current(): Promise<CurrentCatalogue> {
    const items = await this.dataSource.getRepository(ServiceItem).find({ where: { current: true } });
    const bundles = await this.dataSource.getRepository(ServiceBundle).find({ where: { current: true } });
    return { items, bundles };
  }

  /** No item was ever imported: the demo catalogue may be seeded. */
  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(ServiceItem).count()) === 0;
  }

  /**
   * The current versions of the items and bundles an import names, under row locks: two imports
   * of the same codes are serialised here, so neither writes a version the other has not seen.
   */
  async lockCurrent(tx: EntityManager, codes: { items: string[]; bundles: string[] }): Promise<CurrentCatalogue> {
    const items = codes.items.length
      ? await tx.getRepository(ServiceItem).find({ where: { code: In(codes.items), current: true }, lock: { mode: 'pessimistic_write' } })
      : [];
    const bundles = codes.bundles.length
      ? await tx
          .getRepository(ServiceBundle)
          .find({ where: { code: In(codes.bundles), current: true }, lock: { mode: 'pessimistic_write' } })
      : [];
    return { items, bundles };
  }

  /** Writes an import's new versions: the versions they replace are retired first, so each code keeps one current row. */
  async writeVersions(tx: EntityManager, plan: Pick<ImportPlan, 'items' | 'bundles'>): Promise<void> {
    await retire(
      tx,
      ServiceItem,
      plan.items.map((entry) => entry.content.code),
    );
    await retire(
      tx,
      ServiceBundle,
      plan.bundles.map((entry) => entry.content.code),
    );
    if (plan.items.length) {
      await tx
        .getRepository(ServiceItem)
        .insert(plan.items.map(({ content, version }) => ({ ...content, id: randomUUID(), version, current: true })));
    }
    if (plan.bundles.length) {
      await tx
        .getRepository(ServiceBundle)
        .insert(plan.bundles.map(({ content, version }) => ({ ...content, id: randomUUID(), version, current: true })));
    }
  }
}

async function retire(tx: EntityManager, entity: typeof ServiceItem | typeof ServiceBundle, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.getRepository(entity).update({ code: In(codes), current: true }, { current: false });
}

function bundleNotFound(code: string): never {
  throw INTAKE_ERRORS.BUNDLE_NOT_FOUND({ code });
}
