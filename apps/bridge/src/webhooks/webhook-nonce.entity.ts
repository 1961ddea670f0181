import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Nonces of signed webhook calls seen within the timestamp window: a second use is a replay. */
@Entity({ name: 'webhook_nonce' })
@Index('ix_webhook_nonce_seen', ['seenAt'])
export class WebhookNonce {
  @PrimaryColumn({ name: 'adapter_id', type: 'text' })
  adapterId!: string;

  @PrimaryColumn({ type: 'text' })
  nonce!: string;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt!: Date;
}
