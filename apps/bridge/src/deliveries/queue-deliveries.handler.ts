import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { DepartmentDelivery } from './department-delivery.entity';

/** Parts handled in a department's own system are queued for delivery to it, so nobody types them again. */
@Injectable()
@EventConsumer()
export class QueueDeliveriesWhenApplicationAccepted implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'bridge.queue-deliveries-when-application-accepted';
  readonly topic = Topics.ApplicationAccepted;

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx }: HandlerContext): Promise<void> {
    const application = event.data;
    const parts = application.parts.filter((part) => part.handledInDepartmentSystem);
    for (const part of parts) {
      await tx.insert(DepartmentDelivery, {
        id: randomUUID(),
        applicationId: application.applicationId,
        applicationNumber: application.applicationNumber,
        partId: part.partId,
        departmentCode: part.department.code,
        itemCode: part.itemCode,
        status: 'pending',
        attempts: 0,
        payload: { ...part, applicationNumber: application.applicationNumber, applicant: application.applicant },
      });
    }
  }
}
