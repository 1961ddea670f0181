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

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  /** The department system's own result or record id. */
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** For results: the part decided, so reconciliation can tell which deliveries still await one. */
  @Column({ name: 'part_id', type: 'uuid', nullable: true })
  partId!: string | null;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
