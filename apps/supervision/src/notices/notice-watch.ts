import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, PeriodicTask } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { SupervisionConfig } from '../supervision.config';
import { NoticeRepository } from './notice.repository';
import { isDueForEscalation } from './notice-policy';

/**
 * 督办 watch: a notice still pending after its deadline goes to the department head
 * (role `supervisor-head` of the same department) and is announced once. Each notice is
 * re-read under a lock, so two instances never escalate it twice.
 */
@Injectable()
export class NoticeWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NoticeWatch');
  private readonly task = new PeriodicTask('Notice watch', () => this.scan(), this.logger);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticeRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly config: SupervisionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.noticeWatchIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** One pass over the overdue pending notices; returns how many were escalated. */
  async scan(): Promise<{ checked: number; escalated: number }> {
    const now = this.clock.now();
    const overdue = await this.notices.overduePendingIds(now);
    let escalated = 0;
    for (const id of overdue) {
      const did = await this.dataSource.transaction(async (tx) => {
        const notice = await this.notices.lock(tx, id);
        if (!notice || !isDueForEscalation(notice, now)) return false;
        notice.status = 'escalated';
        notice.escalatedAt = now;
        await this.notices.save(tx, notice);
        await this.outbox.add(tx, Topics.SupervisionNoticeEscalated, {
          noticeId: notice.id,
          licenceId: notice.licenceId,
          applicationId: notice.applicationId,
          supervisingDepartment: { code: notice.departmentCode, name: notice.departmentName },
          acknowledgeBy: notice.acknowledgeBy.toISOString(),
          escalatedAt: now.toISOString(),
        });
        this.logger.log(`Notice ${notice.id} (${notice.licenceNumber}) escalated to the head of ${notice.departmentCode}`);
        return true;
      });
      if (did) escalated += 1;
    }
    return { checked: overdue.length, escalated };
  }
}
