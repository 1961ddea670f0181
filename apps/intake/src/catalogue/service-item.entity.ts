import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Channel, HandlingType, Level } from '@onewindow/contracts';
import type { FormDefinition } from '@onewindow/forms';
import type { FeeSpec, ItemKind, MaterialSpec, SituationQuestion } from './catalogue-document';

export interface DepartmentRef {
  code: string;
  name: string;
}

export type MaterialRequirement = MaterialSpec;

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
  kind!: ItemKind;

  @Column({ name: 'handling_type', type: 'text' })
  handlingType!: HandlingType;

  @Column({ name: 'legal_working_days', type: 'int' })
  legalWorkingDays!: number;

  @Column({ name: 'committed_working_days', type: 'int' })
  committedWorkingDays!: number;

  @Column({ name: 'supervising_departments', type: 'jsonb' })
  supervisingDepartments!: DepartmentRef[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions!: string[];

  @Column({ name: 'legal_basis', type: 'jsonb', default: () => "'[]'" })
  legalBasis!: string[];

  @Column({ type: 'jsonb', default: () => `'{"charged": false}'` })
  fee!: FeeSpec;

  @Column({ type: 'jsonb', default: () => `'["window"]'` })
  channels!: Channel[];

  /** Levels whose windows may accept it. */
  @Column({ type: 'jsonb', default: () => `'["district"]'` })
  levels!: Level[];

  /** 委托受理: the department entrusts acceptance to the comprehensive window. */
  @Column({ name: 'entrusted_to_window', type: 'boolean', default: true })
  entrustedToWindow!: boolean;

  /** 办理情形 questions; the answers select the material list. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions!: SituationQuestion[];

  @Column({ type: 'jsonb' })
  materials!: MaterialRequirement[];

  @Column({ name: 'handled_in_department_system', type: 'boolean', default: false })
  handledInDepartmentSystem!: boolean;

  /** 申请表 of this version; null only for versions imported before forms existed (they ask nothing). */
  @Column({ type: 'jsonb', nullable: true })
  form!: FormDefinition | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
