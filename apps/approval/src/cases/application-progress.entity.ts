import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many of an application's parts are decided. Updated under a row lock by every decision,
 * so the application's outcome is announced exactly once, by whichever decision is last. Kept only for
 * the deprecated approval.application.decided.v1 (intake concludes its own application); removed with it.
 */
@Entity({ name: 'application_progress' })
export class ApplicationProgress {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'total_parts', type: 'int' })
  totalParts!: number;

  @Column({ name: 'decided_parts', type: 'int', default: 0 })
  decidedParts!: number;

  @Column({ name: 'approved_parts', type: 'int', default: 0 })
  approvedParts!: number;

  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt!: Date | null;
}
