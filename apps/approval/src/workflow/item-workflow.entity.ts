import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkflowStep } from './workflow-definition';

/** How a department works one item: its steps and assignees, and its licence scheme. */
@Entity({ name: 'item_workflow' })
export class ItemWorkflow {
  @PrimaryColumn({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ type: 'jsonb' })
  steps!: WorkflowStep[];

  /** 证照编号规则, e.g. `JY1371502{yyyy}{seq:5}`; the service default when null. */
  @Column({ name: 'licence_number_template', type: 'text', nullable: true })
  licenceNumberTemplate!: string | null;

  /** Years a licence of this item is valid; open-ended when null. */
  @Column({ name: 'licence_validity_years', type: 'int', nullable: true })
  licenceValidityYears!: number | null;

  /** 审批分离: nobody completes two consecutive steps of a case of this item. */
  @Column({ name: 'separate_duties', type: 'boolean', default: false })
  separateDuties!: boolean;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
