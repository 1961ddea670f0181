import { Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope, type SupervisionRecordPublishedV1 } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { quotedTable } from '@onewindow/persistence';
import { CreditEntry } from './credit-entry.entity';

/**
 * Keeps the 失信 (blacklist) entries supervision publishes, and their withdrawals: all the window
 * needs to refuse 容缺 and 告知承诺. Other kinds (penalties, inspections) stay with approval.
 */
@Injectable()
@EventConsumer()
export class KeepCreditStatusWhenRecordPublished implements EventHandler<SupervisionRecordPublishedV1> {
  readonly name = 'intake.keep-credit-status-when-record-published';
  readonly topic = Topics.SupervisionRecordPublished;

  async handle(event: EventEnvelope<SupervisionRecordPublishedV1>, { tx }: HandlerContext): Promise<void> {
    const record = event.data;
    if (record.kind !== 'blacklist') return;
    // One statement: a newer version replaces an older one; an older one arriving late changes nothing.
    await tx.query(
      `INSERT INTO ${quotedTable(tx, CreditEntry)} (record_id, holder_identifier, kind, title, department_name, document_number, decided_on, valid_until, withdrawn, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (record_id) DO UPDATE SET title = EXCLUDED.title, document_number = EXCLUDED.document_number, decided_on = EXCLUDED.decided_on,
         valid_until = EXCLUDED.valid_until, withdrawn = EXCLUDED.withdrawn, published_at = EXCLUDED.published_at
       WHERE ${quotedTable(tx, CreditEntry)}.published_at < EXCLUDED.published_at`,
      [
        record.recordId,
        record.holder.identifier.toUpperCase(),
        record.kind,
        record.title,
        record.department.name,
        record.documentNumber ?? null,
        record.decidedOn,
        record.validUntil ?? null,
        record.withdrawn,
        new Date(record.publishedAt),
      ],
    );
  }
}
