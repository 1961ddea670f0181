import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'sent', 'acknowledged', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One application part that must reach a department's own system (消除二次录入). The delivery
 * log is the integrators' record of what was sent where, when, and with what result.
 */
@Entity({ name: 'department_delivery' })
@Index('ux_delivery_part', ['partId'], { unique: true })
@Index('ix_delivery_department_status', ['departmentCode', 'status'])
export class DepartmentDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'application_number', type: 'text' })
  applicationNumber!: string;

  @Column({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** The application part as the platform describes it; adapters map it to the department's format. */
  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
