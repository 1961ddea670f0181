import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An approver of a department and their stand-in (AB岗: A角 and B角). */
@Entity({ name: 'approver' })
@Index('ix_approver_department', ['departmentCode'])
export class Approver {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'stand_in_id', type: 'text', nullable: true })
  standInId!: string | null;

  @Column({ name: 'stand_in_name', type: 'text', nullable: true })
  standInName!: string | null;

  @Column({ type: 'boolean', default: false })
  away!: boolean;

  @Column({ name: 'away_reason', type: 'text', nullable: true })
  awayReason!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
