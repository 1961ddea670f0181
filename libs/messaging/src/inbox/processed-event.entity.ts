import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The inbox: a consumer's record that it has handled an event, written with the handler's effect. */
@Entity({ name: 'processed_event' })
export class ProcessedEvent {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_processed_event' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text', primaryKeyConstraintName: 'pk_processed_event' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
