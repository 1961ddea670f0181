import { Injectable } from '@nestjs/common';
import { DomainError, departmentScope, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { SupervisionNotice, type NoticeStatus } from './supervision-notice.entity';

@Injectable()
export class NoticesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's department inbox, the most urgent first. */
  async list(user: AuthenticatedUser, filter: { status?: NoticeStatus; page: number; pageSize: number }): Promise<Page<SupervisionNotice>> {
    const scope = departmentScope(user);
    const [items, total] = await this.dataSource.getRepository(SupervisionNotice).findAndCount({
      where: {
        ...(scope.department ? { departmentCode: scope.department } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { acknowledgeBy: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** 认领: the department takes the new holder under supervision. Acknowledging twice is harmless. */
  async acknowledge(user: AuthenticatedUser, id: string): Promise<SupervisionNotice> {
    const scope = departmentScope(user);
    return this.dataSource.transaction(async (tx) => {
      const notice = await tx.getRepository(SupervisionNotice).findOne({
        where: { id, ...(scope.department ? { departmentCode: scope.department } : {}) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notice) throw new DomainError('NOTICE_NOT_FOUND', '未找到该监管告知', 404);
      if (notice.status === 'acknowledged') return notice;
      notice.status = 'acknowledged';
      notice.acknowledgedAt = new Date();
      notice.acknowledgedBy = user.id;
      return tx.save(notice);
    });
  }
}
