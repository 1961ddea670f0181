import { Injectable } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { departmentRef } from '../departments';
import { NoticeRepository, type NoticeFilter } from './notice.repository';
import { acknowledgedOnTime } from './notice-policy';
import { SupervisionNotice } from './supervision-notice.entity';
import { toNoticeView, type EscalationsView } from './notice.view';
import { SUPERVISION_ERRORS } from '../supervision-errors';

@Injectable()
export class NoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticeRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** The caller's department inbox, the most urgent first. */
  async list(user: AuthenticatedUser, filter: NoticeFilter): Promise<Page<SupervisionNotice>> {
    return this.notices.list(user, filter);
  }

  /** 督办: the department head's inbox of notices nobody acknowledged in time, and how many per department. */
  async escalations(user: AuthenticatedUser, page: number, pageSize: number): Promise<EscalationsView> {
    const inbox = await this.list(user, { status: 'escalated', page, pageSize });
    const counts = await this.notices.escalationCounts(user);
    // Each department by its Chinese name from the district's list (the code where it is not listed).
    return {
      ...inbox,
      items: inbox.items.map(toNoticeView),
      counts: counts.map((count) => ({ ...count, departmentName: departmentRef(count.departmentCode).name })),
    };
  }

  /** 认领: the department takes the new holder under supervision. Acknowledging twice is harmless. */
  async acknowledge(user: AuthenticatedUser, id: string): Promise<SupervisionNotice> {
    return this.dataSource.transaction(async (tx) => {
      const notice = await this.notices.lockInScopeOrFail(tx, user, id);
      if (notice.status === 'acknowledged') return notice;
      if (notice.status === 'closed') throw SUPERVISION_ERRORS.NOTICE_CLOSED({ closedReason: notice.closedReason });
      const now = this.clock.now();
      notice.status = 'acknowledged';
      notice.acknowledgedAt = now;
      notice.acknowledgedBy = user.id;
      await this.notices.save(tx, notice);
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
