import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type SupervisionRecordPublishedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { CreditEntryRepository } from './credit-entry.repository';

/**
 * Keeps the 失信 (blacklist) entries supervision publishes, and their withdrawals: all the window
 * needs to refuse 容缺 and 告知承诺. Other kinds (penalties, inspections) stay with approval.
 */
@Injectable()
@EventConsumer()
export class KeepCreditStatusWhenRecordPublished implements EventHandler<SupervisionRecordPublishedV1> {
  readonly name = 'intake.keep-credit-status-when-record-published';
  readonly topic = Topics.SupervisionRecordPublished;

  constructor(private readonly entries: CreditEntryRepository) {}

  async handle(event: EventEnvelope<SupervisionRecordPublishedV1>, { tx }: HandlerContext): Promise<void> {
    const record = event.data;
    if (record.kind !== 'blacklist') return;
    await this.entries.keep(tx, {
      recordId: record.recordId,
      holderIdentifier: record.holder.identifier.toUpperCase(),
      kind: record.kind,
      title: record.title,
      departmentName: record.department.name,
      documentNumber: record.documentNumber ?? null,
      decidedOn: record.decidedOn,
      validUntil: record.validUntil ?? null,
      withdrawn: record.withdrawn,
      publishedAt: new Date(record.publishedAt),
    });
  }
}
