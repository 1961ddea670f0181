import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type SupervisionRecordPublishedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { HolderRecord } from './holder-record.entity';

/** Feeds the credit gate's read model from supervision's records; a newer version wins. */
@Injectable()
@EventConsumer()
export class RecordSupervisionRecords implements EventHandler<SupervisionRecordPublishedV1> {
  readonly name = 'approval.record-supervision-records';
  readonly topic = Topics.SupervisionRecordPublished;

  async handle(event: EventEnvelope<SupervisionRecordPublishedV1>, { tx }: HandlerContext): Promise<void> {
    const record = event.data;
    const publishedAt = new Date(record.publishedAt);
    const existing = await tx.getRepository(HolderRecord).findOne({ where: { recordId: record.recordId }, lock: { mode: 'pessimistic_write' } });
    if (existing && existing.publishedAt >= publishedAt) return;
    await tx.getRepository(HolderRecord).save({
      recordId: record.recordId,
      holderIdentifier: record.holder.identifier,
      holderName: record.holder.name,
      kind: record.kind,
      departmentCode: record.department.code,
      departmentName: record.department.name,
      title: record.title,
      documentNumber: record.documentNumber ?? null,
      decidedOn: record.decidedOn,
      validUntil: record.validUntil ?? null,
      withdrawn: record.withdrawn,
      publishedAt,
    });
  }
}
