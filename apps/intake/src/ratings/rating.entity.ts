import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const RATING_TEXT: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** 好差评: one rating of an issued application by its applicant. */
@Entity({ name: 'rating' })
@Index('ix_rating_application', ['applicationId', 'createdAt'])
export class Rating {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  /** 5 非常满意 … 1 非常不满意 */
  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The rectification this rating answers as the applicant's follow-up, if any. */
  @Column({ name: 'follow_up_of', type: 'uuid', nullable: true })
  followUpOf!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type RectificationStatus = 'open' | 'answered' | 'closed';

/** 差评整改: an unfavourable rating the department must answer by a due date; closed by the applicant's follow-up. */
@Entity({ name: 'rectification' })
@Index('ix_rectification_department_status', ['departmentCode', 'status'])
export class Rectification {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'application_number', type: 'text' })
  applicationNumber!: string;

  @Column({ name: 'rating_id', type: 'uuid', unique: true })
  ratingId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'text', nullable: true })
  complaint!: string | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', default: 'open' })
  status!: RectificationStatus;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_by', type: 'text', nullable: true })
  answeredBy!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
