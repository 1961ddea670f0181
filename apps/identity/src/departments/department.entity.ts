import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DEPARTMENT_KINDS = ['department', 'service-centre'] as const;
/** `department`: an approving or supervising department (审批/监管部门); `service-centre`: a 政务服务中心 / 便民服务中心 whose clerks work the window. */
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const LEVELS = ['district', 'town', 'village'] as const;
/** 区县 / 乡镇（街道） / 村（社区）. */
export type Level = (typeof LEVELS)[number];

/** An organisation unit staff accounts belong to (组织机构). */
@Entity({ name: 'department' })
export class Department {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: DepartmentKind;

  @Column({ type: 'text' })
  level!: Level;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
