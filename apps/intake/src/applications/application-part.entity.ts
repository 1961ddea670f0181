import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Application } from './application.entity';

/** One department's share of an application. */
@Entity({ name: 'application_part' })
@Index('ix_application_part_application', ['applicationId'])
export class ApplicationPart {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, (application) => application.parts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<Application>;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_version', type: 'int' })
  itemVersion!: number;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ name: 'promised_deadline', type: 'date' })
  promisedDeadline!: string;

  /** `pending` until the department decides, then its outcome. */
  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'refused';

  @Column({ name: 'licence_number', type: 'text', nullable: true })
  licenceNumber!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;
}
