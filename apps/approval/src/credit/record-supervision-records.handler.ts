import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type SupervisionRecordPublishedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { HolderRecordRepository } from './holder-record.repository';

/** Feeds the credit gate's read model from supervision's records; a newer version wins. */
@Injectable()
@EventConsumer()
export class RecordSupervisionRecords implements EventHandler<SupervisionRecordPublishedV1> {
  readonly name = 'approval.record-supervision-records';
  readonly topic = Topics.SupervisionRecordPublished;

  constructor(private readonly records: HolderRecordRepository) {}

  async handle(event: EventEnvelope<SupervisionRecordPublishedV1>, { tx }: HandlerContext): Promise<void> {
    const record = event.data;
    const publishedAt = new Date(record.publishedAt);
    const existing = await this.records.lock(tx, record.recordId);
    if (existing && existing.publishedAt >= publishedAt) return;
    await this.records.save(tx, {
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
