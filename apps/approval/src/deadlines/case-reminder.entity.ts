import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineColour } from './deadline-ledger';

/** 催办提醒: what an assignee (or the department pool) is told when a case turns yellow or red. */
@Entity({ name: 'case_reminder' })
@Index('ix_case_reminder_department', ['departmentCode', 'createdAt'])
export class CaseReminder {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  /** Null when the case sits in the department pool: everyone there is reminded. */
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text' })
  colour!: DeadlineColour;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
