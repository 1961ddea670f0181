import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { ServiceItem } from './service-item.entity';

@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);

  constructor(private readonly dataSource: DataSource) {}

  async listCurrent(filter: { departmentCode?: string; page: number; pageSize: number }): Promise<Page<ServiceItem>> {
    const [items, total] = await this.dataSource.getRepository(ServiceItem).findAndCount({
      where: { current: true, ...(filter.departmentCode ? { departmentCode: filter.departmentCode } : {}) },
      order: { code: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** Loads the demo catalogue into an empty database (the embedded default and the demo). */
  async seedDemoCatalogue(): Promise<number> {
    const repository = this.dataSource.getRepository(ServiceItem);
    if ((await repository.count()) > 0) return 0;
    await repository.save(DEMO_CATALOGUE.map((item) => repository.create({ ...item, id: randomUUID(), version: 1, current: true })));
    this.logger.log(`Seeded ${DEMO_CATALOGUE.length} demo service items`);
    return DEMO_CATALOGUE.length;
  }
}
