import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActorV1 } from '@onewindow/contracts';
import type { ExtensionStatus, SpecialProcedure } from './deadline-ledger';

/**
 * One line of a case's deadline ledger: a suspension for a special procedure (中止计时) or an
 * extension (延期). The deadline is always recomputed from these lines.
 */
@Entity({ name: 'clock_entry' })
@Index('ix_clock_entry_case', ['caseId', 'createdAt'])
export class ClockEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: 'suspension' | 'extension';

  @Column({ type: 'text', nullable: true })
  procedure!: SpecialProcedure | null;

  @Column({ name: 'start_on', type: 'date', nullable: true })
  startOn!: string | null;

  @Column({ name: 'end_on', type: 'date', nullable: true })
  endOn!: string | null;

  @Column({ name: 'working_days', type: 'int', nullable: true })
  workingDays!: number | null;

  /** The reason the applicant is told. */
  @Column({ type: 'text' })
  reason!: string;

  /** For an extension: requested, then approved or rejected by someone else. */
  @Column({ type: 'text', nullable: true })
  status!: ExtensionStatus | null;

  @Column({ name: 'recorded_by', type: 'jsonb' })
  recordedBy!: ActorV1;

  @Column({ name: 'reviewed_by', type: 'jsonb', nullable: true })
  reviewedBy!: ActorV1 | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
