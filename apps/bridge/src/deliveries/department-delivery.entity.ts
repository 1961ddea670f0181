import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** pending → sent (file dropped) or acknowledged (the system confirmed); failed = dead-lettered after its attempts. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'acknowledged', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * `application`: an accepted part (受理推送); `supplement`: what the window received after the
 * department asked (补正材料回传); `correction`: the part again with its corrected form (更正),
 * in the format the department already imports, when the supplement corrected the form.
 */
export const DELIVERY_KINDS = ['application', 'supplement', 'correction'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/**
 * One application part that must reach a department's own system (消除二次录入), or a supplement
 * to it. The delivery log is the integrators' record of what was sent where, when, and with what
 * result.
 */
@Entity({ name: 'department_delivery' })
@Index('ux_delivery_part', ['partId'], { unique: true, where: `kind = 'application'` })
@Index('ix_delivery_application_item', ['applicationNumber', 'itemCode'])
@Index('ix_delivery_case_number', ['adapterId', 'departmentCaseNumber'])
@Index('ix_delivery_department_status', ['departmentCode', 'status'])
@Index('ix_delivery_adapter_status', ['adapterId', 'status', 'nextAttemptAt'])
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

  @Column({ type: 'text', default: 'application' })
  kind!: DeliveryKind;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** The adapter that carries it; null when no configured adapter takes the item (listed as unrouted). */
  @Column({ name: 'adapter_id', type: 'text', nullable: true })
  adapterId!: string | null;

  /** Retries wait until then (backoff). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The department system's own reference for what it received. */
  @Column({ name: 'external_reference', type: 'text', nullable: true })
  externalReference!: string | null;

  /**
   * The department's own case number for the part (部门办件编号), from its answer to the delivery
   * or its acknowledgement (受理回执); its later records may name the part by it.
   */
  @Column({ name: 'department_case_number', type: 'text', nullable: true })
  departmentCaseNumber!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The application part as the platform describes it; adapters map it to the department's format. */
  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
