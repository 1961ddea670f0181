import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type PartSupplementedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { DeliveryRepository } from './delivery.repository';
import { NO_ADAPTER, supplementPayload, UNROUTED_SUPPLEMENT } from './supplement-payload';

/**
 * 补正材料回传: when the window records what a department asked for, the materials received and
 * what changed in the form go back to the department system that has the part (its supplement
 * mapping), and a corrected form goes as the part again, marked 更正 (its outbound mapping), so it
 * types neither. Parts never sent to a department system are not the bridge's.
 */
@Injectable()
@EventConsumer()
export class QueueSupplementWhenPartSupplemented implements EventHandler<PartSupplementedV1> {
  readonly name = 'bridge.queue-supplement-when-part-supplemented';
  readonly topic = Topics.PartSupplemented;

  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async handle(event: EventEnvelope<PartSupplementedV1>, { tx }: HandlerContext): Promise<void> {
    const supplied = event.data;
    const sent = await this.deliveries.findSentPart(tx, { partId: supplied.partId });
    if (!sent) return;
    const adapter = sent.adapterId ? this.runtime.adapter(sent.adapterId) : undefined;
    const routed = adapter?.outbound?.supplement ? adapter.definition.id : null;
    const delivery = {
      applicationId: sent.applicationId,
      applicationNumber: sent.applicationNumber,
      partId: sent.partId,
      departmentCode: sent.departmentCode,
      itemCode: sent.itemCode,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: null,
      externalReference: null,
      departmentCaseNumber: sent.departmentCaseNumber,
      sentAt: null,
    };
    await this.deliveries.insert(tx, {
      ...delivery,
      id: randomUUID(),
      kind: 'supplement',
      adapterId: routed,
      lastError: routed ? null : adapter ? UNROUTED_SUPPLEMENT : NO_ADAPTER,
      payload: supplementPayload(sent, supplied),
    });
    // A corrected form also goes as the part itself, marked as a correction: the import the department already has takes it.
    if (supplied.form) {
      await this.deliveries.insert(tx, {
        ...delivery,
        id: randomUUID(),
        kind: 'correction',
        adapterId: adapter?.outbound ? adapter.definition.id : null,
        lastError: adapter?.outbound ? null : NO_ADAPTER,
        payload: {
          ...sent.payload,
          form: supplied.form,
          correction: { supplementedAt: supplied.receivedAt, formChanges: supplied.formChanges ?? [] },
        },
      });
    }
  }
}
