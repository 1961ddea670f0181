import { Injectable } from '@nestjs/common';
import type { BundleRefV1 } from '@onewindow/contracts';
import { DomainError } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { ServiceItem } from '../catalogue/service-item.entity';
import type { FileApplicationDto } from './accept-application.dto';
import type { Application } from './application.entity';

/** The catalogue's items an application is filed under: the current ones when filing, the versions filed ever after. */
@Injectable()
export class FiledItems {
  constructor(private readonly catalogue: CatalogueRepository) {}

  /** The current items (or bundle) asked for, in the order asked; unknown or repeated codes are refused field by field. */
  async forFiling(tx: EntityManager, input: FileApplicationDto): Promise<{ items: ServiceItem[]; bundle: BundleRefV1 | null }> {
    if (input.bundleCode !== undefined) {
      const bundle = await this.catalogue.findCurrentBundle(input.bundleCode, tx);
      if (!bundle) {
        throw DomainError.validation([
          { path: 'bundleCode', code: 'BUNDLE_NOT_FOUND', message: `一件事“${input.bundleCode}”不存在或已停用` },
        ]);
      }
      const items = await this.currentItems(tx, bundle.itemCodes, 'bundleCode');
      return { items, bundle: { code: bundle.code, name: bundle.name, leadDepartmentCode: bundle.leadDepartmentCode } };
    }
    return { items: await this.currentItems(tx, input.itemCodes ?? [], 'itemCodes'), bundle: null };
  }

  /** The item versions the application was filed under: later catalogue edits do not apply to it. */
  async asFiled(tx: EntityManager, application: Application): Promise<ServiceItem[]> {
    const rows = await this.catalogue.itemVersions(
      tx,
      application.parts.map((part) => ({ code: part.itemCode, version: part.itemVersion })),
    );
    return application.parts.map((part) => {
      const item = rows.find((row) => row.code === part.itemCode && row.version === part.itemVersion);
      if (!item) throw new Error(`Item ${part.itemCode} version ${part.itemVersion} is missing from the catalogue`);
      return item;
    });
  }

  private async currentItems(tx: EntityManager, codes: string[], field: string): Promise<ServiceItem[]> {
    const duplicates = codes.map((code, index) => ({ code, index })).filter(({ code, index }) => codes.indexOf(code) !== index);
    if (duplicates.length > 0) {
      throw DomainError.validation(
        duplicates.map(({ code, index }) => ({ path: `${field}[${index}]`, code: 'ITEM_DUPLICATE', message: `事项“${code}”重复` })),
      );
    }
    const items = await this.catalogue.currentItems(codes, tx);
    const unknown = codes.map((code, index) => ({ code, index })).filter(({ code }) => !items.some((item) => item.code === code));
    if (unknown.length > 0) {
      throw DomainError.validation(
        unknown.map(({ code, index }) => ({
          path: field === 'bundleCode' ? field : `${field}[${index}]`,
          code: 'ITEM_NOT_FOUND',
          message: `事项编码“${code}”不存在或已停用，请核对事项目录`,
        })),
      );
    }
    return codes.map((code) => items.find((item) => item.code === code) as ServiceItem);
  }
}
