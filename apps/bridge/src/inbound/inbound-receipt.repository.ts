import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertFirst } from '../persistence/insert-first';
import { InboundReceipt } from './inbound-receipt.entity';

/**
 * Inbound receipts (接收记录): one per department record taken, under the department's own id, so
 * a repeat has no second effect. Written only inside the transaction that takes the record.
 */
@Injectable()
export class InboundReceiptRepository {
  /** Records the receipt; false when the record was taken before (a duplicate). */
  async insertFirst(tx: EntityManager, receipt: InboundReceipt): Promise<boolean> {
    return insertFirst(tx, InboundReceipt, receipt, 'externalId');
  }

  /** Links the receipt to the event its record was published as. */
  async linkEvent(tx: EntityManager, receipt: Pick<InboundReceipt, 'adapterId' | 'kind' | 'externalId'>, eventId: string): Promise<void> {
    await tx.update(InboundReceipt, { adapterId: receipt.adapterId, kind: receipt.kind, externalId: receipt.externalId }, { eventId });
  }
}
