import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type LicenceIssuedV1 } from '@onewindow/contracts';
import { EventConsumer, EventOutbox, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { licenceSubject } from '../licence-subject';
import { NoticeRepository } from './notice.repository';
import { NOTICE_POLICY, type NoticePolicy } from './notice-policy';

/** 审管互动: every supervising department of the item hears of the new holder at once. */
@Injectable()
@EventConsumer()
export class CreateNoticesWhenLicenceIssued implements EventHandler<LicenceIssuedV1> {
  readonly name = 'supervision.create-notices-when-licence-issued';
  readonly topic = Topics.LicenceIssued;

  constructor(
    private readonly notices: NoticeRepository,
    private readonly outbox: EventOutbox,
    @Inject(NOTICE_POLICY) private readonly policy: NoticePolicy,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<LicenceIssuedV1>, { tx, cause }: HandlerContext): Promise<void> {
    const licence = event.data;
    // Revoked before its issue arrived (another topic): nobody is told of a holder that no longer holds it.
    if (await this.notices.isRevoked(tx, licence.licenceId)) return;
    const createdAt = this.clock.now();
    const acknowledgeBy = this.policy.acknowledgeBy(createdAt);
    for (const department of licence.supervisingDepartments) {
      // The same licence announced twice (with a new event id) must not notify a department twice: the
      // unique index on (licence, department) keeps the first notice, and only a new row is announced.
      const notice = await this.notices.insertIfNew(tx, {
        ...licenceSubject(randomUUID(), licence, department),
        status: 'pending',
        acknowledgeBy,
        acknowledgedAt: null,
        acknowledgedBy: null,
        escalatedAt: null,
        licenceIssuedAt: new Date(licence.issuedAt),
        holderAddress: licence.holderAddress ?? null,
        scope: licence.scope || null,
        createdAt,
      });
      if (!notice) continue;
      await this.outbox.add(
        tx,
        Topics.SupervisionNoticeCreated,
        {
          noticeId: notice.id,
          licenceId: licence.licenceId,
          licenceNumber: licence.licenceNumber,
          applicationId: licence.applicationId,
          supervisingDepartment: department,
          holder: licence.holder,
          ...(licence.holderAddress ? { holderAddress: licence.holderAddress } : {}),
          ...(licence.scope ? { scope: licence.scope } : {}),
          acknowledgeBy: acknowledgeBy.toISOString(),
          createdAt: createdAt.toISOString(),
        },
        cause,
      );
    }
  }
}
