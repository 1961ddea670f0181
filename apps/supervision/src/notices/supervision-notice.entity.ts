import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartyV1 } from '@onewindow/contracts';

export const NOTICE_STATUSES = ['pending', 'acknowledged'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** 审管互动: a supervising department is told of a new licence holder and must acknowledge (认领). */
@Entity({ name: 'supervision_notice' })
@Index('ux_notice_licence_department', ['licenceId', 'departmentCode'], { unique: true })
@Index('ix_notice_department_status', ['departmentCode', 'status', 'acknowledgeBy'])
export class SupervisionNotice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ name: 'licence_number', type: 'text' })
  licenceNumber!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ name: 'issuing_department_code', type: 'text' })
  issuingDepartmentCode!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ type: 'jsonb' })
  holder!: PartyV1;

  @Column({ type: 'text' })
  status!: NoticeStatus;

  @Column({ name: 'acknowledge_by', type: 'timestamptz' })
  acknowledgeBy!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
