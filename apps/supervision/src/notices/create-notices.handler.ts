import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type LicenceIssuedV1 } from '@onewindow/contracts';
import { EventConsumer, EventOutbox, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { NOTICE_POLICY, type NoticePolicy } from './notice-policy';
import { SupervisionNotice } from './supervision-notice.entity';

/** 审管互动: every supervising department of the item hears of the new holder at once. */
@Injectable()
@EventConsumer()
export class CreateNoticesWhenLicenceIssued implements EventHandler<LicenceIssuedV1> {
  readonly name = 'supervision.create-notices-when-licence-issued';
  readonly topic = Topics.LicenceIssued;

  constructor(
    private readonly outbox: EventOutbox,
    @Inject(NOTICE_POLICY) private readonly policy: NoticePolicy,
  ) {}

  async handle(event: EventEnvelope<LicenceIssuedV1>, { tx, cause }: HandlerContext): Promise<void> {
    const licence = event.data;
    const createdAt = new Date();
    const acknowledgeBy = this.policy.acknowledgeBy(createdAt);
    for (const department of licence.supervisingDepartments) {
      const notice = tx.create(SupervisionNotice, {
        id: randomUUID(),
        licenceId: licence.licenceId,
        licenceNumber: licence.licenceNumber,
        applicationId: licence.applicationId,
        itemCode: licence.itemCode,
        itemName: licence.itemName,
        issuingDepartmentCode: licence.issuingDepartment.code,
        departmentCode: department.code,
        departmentName: department.name,
        holder: licence.holder,
        status: 'pending',
        acknowledgeBy,
        acknowledgedAt: null,
        acknowledgedBy: null,
      });
      await tx.save(notice);
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
          acknowledgeBy: acknowledgeBy.toISOString(),
          createdAt: createdAt.toISOString(),
        },
        cause,
      );
    }
  }
}
