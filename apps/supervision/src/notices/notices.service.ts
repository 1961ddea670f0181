import { Injectable } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, departmentCondition, departmentScope, readPage, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { departmentRef } from '../departments';
import { acknowledgedOnTime } from './notice-policy';
import { SupervisionNotice, type NoticeStatus } from './supervision-notice.entity';
import { toNoticeView, type EscalationsView } from './notice.view';
import { SUPERVISION_ERRORS } from '../supervision-errors';

export interface NoticeFilter {
  status?: NoticeStatus;
  itemCode?: string;
  holder?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class NoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** The caller's department inbox, the most urgent first. */
  async list(user: AuthenticatedUser, filter: NoticeFilter): Promise<Page<SupervisionNotice>> {
    const scope = departmentScope(user);
    const query = this.dataSource
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .where({
        ...departmentCondition(scope),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.itemCode ? { itemCode: filter.itemCode } : {}),
      } satisfies FindOptionsWhere<SupervisionNotice>);
    if (filter.holder) query.andWhere("n.holder->>'identifier' = :holder", { holder: filter.holder });
    return readPage(query.orderBy('n.acknowledge_by', 'ASC').addOrderBy('n.id', 'ASC'), filter);
  }

  /** 督办: the department head's inbox of notices nobody acknowledged in time, and how many per department. */
  async escalations(user: AuthenticatedUser, page: number, pageSize: number): Promise<EscalationsView> {
    const inbox = await this.list(user, { status: 'escalated', page, pageSize });
    const scope = departmentScope(user);
    const counts = await this.dataSource
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .select('n.department_code', 'departmentCode')
      .addSelect('count(*)::int', 'escalated')
      .addSelect("count(*) FILTER (WHERE n.status = 'escalated')::int", 'stillOpen')
      .where('n.escalated_at IS NOT NULL')
      .andWhere(departmentCondition(scope))
      .groupBy('n.department_code')
      .orderBy('n.department_code')
      .getRawMany<{ departmentCode: string; escalated: number; stillOpen: number }>();
    // Each department by its Chinese name from the district's list (the code where it is not listed).
    return { ...inbox, items: inbox.items.map(toNoticeView), counts: counts.map((count) => ({ ...count, departmentName: departmentRef(count.departmentCode).name })) };
  }

  /** 认领: the department takes the new holder under supervision. Acknowledging twice is harmless. */
  async acknowledge(user: AuthenticatedUser, id: string): Promise<SupervisionNotice> {
    const scope = departmentScope(user);
    return this.dataSource.transaction(async (tx) => {
      const notice = await tx.getRepository(SupervisionNotice).findOne({
        where: { id, ...departmentCondition(scope) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notice) throw SUPERVISION_ERRORS.NOTICE_NOT_FOUND();
      if (notice.status === 'acknowledged') return notice;
      if (notice.status === 'closed') throw SUPERVISION_ERRORS.NOTICE_CLOSED({ closedReason: notice.closedReason });
      const now = this.clock.now();
      notice.status = 'acknowledged';
      notice.acknowledgedAt = now;
      notice.acknowledgedBy = user.id;
      await tx.save(notice);
      await this.outbox.add(
        tx,
        Topics.SupervisionNoticeAcknowledged,
        {
          noticeId: notice.id,
          licenceId: notice.licenceId,
          applicationId: notice.applicationId,
          supervisingDepartment: { code: notice.departmentCode, name: notice.departmentName },
          acknowledgeBy: notice.acknowledgeBy.toISOString(),
          onTime: acknowledgedOnTime(notice.acknowledgeBy, now),
          acknowledgedBy: { kind: 'person', id: user.id, name: user.name },
          acknowledgedAt: now.toISOString(),
        },
        requestCause(),
      );
      return notice;
    });
  }
}
