import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type PartSupplementedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { DepartmentDelivery } from './department-delivery.entity';
import { supplementPayload, UNROUTED_SUPPLEMENT } from './supplement-payload';

/**
 * 补正材料回传: when the window records what a department asked for, the materials received and
 * the corrected form go back to the department system that has the part, so it does not type
 * them either. Parts never sent to a department system are not the bridge's.
 */
@Injectable()
@EventConsumer()
export class QueueSupplementWhenPartSupplemented implements EventHandler<PartSupplementedV1> {
  readonly name = 'bridge.queue-supplement-when-part-supplemented';
  readonly topic = Topics.PartSupplemented;

  constructor(private readonly runtime: BridgeRuntime) {}

  async handle(event: EventEnvelope<PartSupplementedV1>, { tx }: HandlerContext): Promise<void> {
    const supplied = event.data;
    const sent = await tx.getRepository(DepartmentDelivery).findOne({ where: { partId: supplied.partId, kind: 'application' } });
    if (!sent) return;
    const adapter = sent.adapterId ? this.runtime.adapter(sent.adapterId) : undefined;
    const routed = adapter?.outbound?.supplement ? adapter.definition.id : null;
    await tx.insert(DepartmentDelivery, {
      id: randomUUID(),
      kind: 'supplement',
      applicationId: sent.applicationId,
      applicationNumber: sent.applicationNumber,
      partId: sent.partId,
      departmentCode: sent.departmentCode,
      itemCode: sent.itemCode,
      status: 'pending',
      attempts: 0,
      adapterId: routed,
      nextAttemptAt: null,
      lastError: routed ? null : adapter ? UNROUTED_SUPPLEMENT : '没有配置接收该事项的部门系统适配器',
      externalReference: null,
      departmentCaseNumber: sent.departmentCaseNumber,
      sentAt: null,
      payload: supplementPayload(sent, supplied),
    });
  }
}
