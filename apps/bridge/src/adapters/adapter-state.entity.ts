import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 暂停维护: an adapter paused for the department's maintenance; deliveries wait until it resumes. */
@Entity({ name: 'adapter_state' })
export class AdapterState {
  @PrimaryColumn({ name: 'adapter_id', type: 'text' })
  adapterId!: string;

  @Column({ type: 'boolean', default: false })
  paused!: boolean;

  @Column({ name: 'paused_reason', type: 'text', nullable: true })
  pausedReason!: string | null;

  @Column({ name: 'paused_by', type: 'text', nullable: true })
  pausedBy!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
