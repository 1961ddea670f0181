import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** 一件事 / 主题式服务, versioned like items: an application keeps the version it was filed under. */
@Entity({ name: 'service_bundle' })
@Index('ux_service_bundle_code_version', ['code', 'version'], { unique: true })
export class ServiceBundle {
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

  @Column({ type: 'text' })
  description!: string;

  /** 牵头部门 */
  @Column({ name: 'lead_department_code', type: 'text' })
  leadDepartmentCode!: string;

  @Column({ name: 'lead_department_name', type: 'text' })
  leadDepartmentName!: string;

  @Column({ name: 'item_codes', type: 'jsonb' })
  itemCodes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
