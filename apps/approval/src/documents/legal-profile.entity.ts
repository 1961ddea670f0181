import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What a department's decision documents must say about it (法律文书要素): its full name as the
 * deciding authority, the prefix of its document numbers (文书字号), and where an applicant may
 * seek a remedy: the administrative review authority (行政复议机关) and the court (人民法院).
 * Configured per department by an administrator, because both depend on how the department is
 * set up (a vertically managed bureau answers to its superior, a district bureau to the district).
 */
@Entity({ name: 'department_legal_profile' })
export class DepartmentLegalProfile {
  @PrimaryColumn({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  /** The deciding authority as printed, e.g. 聊城市东昌府区市场监督管理局. */
  @Column({ name: 'authority_name', type: 'text' })
  authorityName!: string;

  /** Document number prefix, e.g. 东市监 → 东市监许准〔2026〕15号. */
  @Column({ name: 'document_prefix', type: 'text' })
  documentPrefix!: string;

  /** 行政复议机关, e.g. 聊城市东昌府区人民政府. */
  @Column({ name: 'review_authority', type: 'text' })
  reviewAuthority!: string;

  /** 人民法院 for 行政诉讼, e.g. 聊城市东昌府区人民法院. */
  @Column({ type: 'text' })
  court!: string;

  /** 联系地址 and 联系电话 printed on documents and licences. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
