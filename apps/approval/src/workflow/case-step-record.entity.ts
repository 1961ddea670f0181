import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { ActorV1 } from '@onewindow/contracts';
import type { CaseStep } from './workflow-definition';

export const STEP_RECORD_KINDS = ['completed', 'assigned', 'reassigned', 'stand-in', 'supplement-withdrawn'] as const;
export type StepRecordKind = (typeof STEP_RECORD_KINDS)[number];

/** The case's history (办理过程): every step completed, every assignment and why. */
@Entity({ name: 'case_step_record' })
@Index('ix_case_step_record_case', ['caseId', 'sequence'])
export class CaseStepRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  step!: CaseStep;

  @Column({ type: 'text' })
  kind!: StepRecordKind;

  @Column({ type: 'jsonb' })
  actor!: ActorV1;

  /** For an assignment: who has the task now (null: the department pool). */
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  /** The opinion (审查意见) or the reason for a reassignment. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Records of one transaction share their time; this keeps their order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  sequence!: string;
}
