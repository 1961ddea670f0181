import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A department record already published, by the department's own id: the same result or record
 * delivered again (a webhook retry, a file dropped twice) has no second effect.
 */
@Entity({ name: 'inbound_receipt' })
@Index('ix_inbound_receipt_part', ['partId'])
export class InboundReceipt {
  @PrimaryColumn({ name: 'adapter_id', type: 'text' })
  adapterId!: string;

  /** result, supplement-request, supervision-record or acknowledgement. */
  @PrimaryColumn({ type: 'text' })
  kind!: string;

  /** The department system's own result or record id. */
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** The part the record is about (results, supplement requests, acknowledgements), so reconciliation can tell which deliveries still await a result. */
  @Column({ name: 'part_id', type: 'uuid', nullable: true })
  partId!: string | null;

  /** The event published for it; null for an acknowledgement (受理回执), which publishes none. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
