import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { DeliveryRepository } from './delivery.repository';
import { NO_ADAPTER } from './supplement-payload';

/**
 * Parts handled in a department's own system are queued for delivery to it, so nobody types them
 * again; the delivery worker sends them. A part no adapter takes stays pending with the reason.
 */
@Injectable()
@EventConsumer()
export class QueueDeliveriesWhenApplicationAccepted implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'bridge.queue-deliveries-when-application-accepted';
  readonly topic = Topics.ApplicationAccepted;

  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx }: HandlerContext): Promise<void> {
    const application = event.data;
    const parts = application.parts.filter((part) => part.handledInDepartmentSystem);
    for (const part of parts) {
      const adapter = this.runtime.adapterFor(part.department.code, part.itemCode);
      await this.deliveries.insert(tx, {
        id: randomUUID(),
        kind: 'application',
        applicationId: application.applicationId,
        applicationNumber: application.applicationNumber,
        partId: part.partId,
        departmentCode: part.department.code,
        itemCode: part.itemCode,
        status: 'pending',
        attempts: 0,
        adapterId: adapter?.definition.id ?? null,
        nextAttemptAt: null,
        lastError: adapter ? null : NO_ADAPTER,
        externalReference: null,
        departmentCaseNumber: null,
        sentAt: null,
        payload: {
          ...part,
          applicationId: application.applicationId,
          applicationNumber: application.applicationNumber,
          acceptedAt: application.acceptedAt,
          channel: application.channel,
          applicant: application.applicant,
        },
      });
    }
  }
}
