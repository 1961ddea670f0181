import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HandlingType } from '@onewindow/contracts';

export interface DepartmentRef {
  code: string;
  name: string;
}

export interface MaterialRequirement {
  code: string;
  name: string;
  /** 原件 / 复印件 */
  form: 'original' | 'copy' | 'original-and-copy' | 'electronic';
  copies: number;
  /** 容缺: may follow after acceptance, by a due date. */
  mayFollowLater: boolean;
  /** 告知承诺: a written pledge may replace it. */
  pledgeAllowed: boolean;
  requirement: string;
}

/**
 * 事项标准库 entry. Versioned: an edit creates a new version row, and an application keeps the
 * version it was accepted under, so editing an item never changes accepted applications.
 */
@Entity({ name: 'service_item' })
@Index('ux_service_item_code_version', ['code', 'version'], { unique: true })
export class ServiceItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'boolean', default: true })
  current!: boolean;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  /** 行政许可, 公共服务, … */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'handling_type', type: 'text' })
  handlingType!: HandlingType;

  @Column({ name: 'legal_working_days', type: 'int' })
  legalWorkingDays!: number;

  @Column({ name: 'committed_working_days', type: 'int' })
  committedWorkingDays!: number;

  @Column({ name: 'supervising_departments', type: 'jsonb' })
  supervisingDepartments!: DepartmentRef[];

  @Column({ type: 'jsonb' })
  materials!: MaterialRequirement[];

  @Column({ name: 'handled_in_department_system', type: 'boolean', default: false })
  handledInDepartmentSystem!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
