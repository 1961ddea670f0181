/** A department's request for more materials while it reviews (补正), as told in a one-time notice. */
export interface SupplementRequest {
  caseId: string;
  noticeNumber: string;
  reason: string;
  materials: Array<{ materialCode: string; materialName: string; problem: string }>;
  requestedAt: string;
}

/** 撤销许可: the licence of an approved part was revoked; the window no longer hands it out. */
export interface PartRevocation {
  licenceNumber: string;
  reason: string;
  revokedAt: string;
  /** Who revoked it, as the applicant is told (the department, or supervision at its request). */
  revokedBy: string;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { PartForm } from '../forms/filing-form';
import { Application } from './application.entity';
import type { AcceptedMaterial, Deficiency } from '../catalogue/materials-check';

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

  /** Set at acceptance: the committed time limit in working days from the acceptance date. */
  @Column({ name: 'promised_deadline', type: 'date', nullable: true })
  promisedDeadline!: string | null;

  /** 统一收费: the item's fee in fen, assessed when the application is filed (0 for a free item). */
  @Column({ name: 'fee_fen', type: 'int', default: 0 })
  feeFen!: number;

  @Column({ name: 'committed_working_days', type: 'int', default: 0 })
  committedWorkingDays!: number;

  /** 乡呼县应: taken in at a town or village window, handed up to the district department. */
  @Column({ name: 'hand_off', type: 'jsonb', nullable: true })
  handOff!: { fromLevel: string; toLevel: string; reason: string } | null;

  /** The part's share of the 申请表: its item form's answers, as read, with their sources; what its department receives. */
  @Column({ type: 'jsonb', nullable: true })
  form!: PartForm | null;

  /** Materials received at the window. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  received!: AcceptedMaterial[];

  /** 容缺: materials to follow by a due date; the result is withheld until every one has arrived. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  deficiencies!: Array<Deficiency & { receivedAt: string | null }>;

  /** 告知承诺: materials replaced by a pledge, verified later by the supervising department. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  pledges!: AcceptedMaterial[];

  /** `pending` until the department decides, then its outcome. */
  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'refused';

  /** 退回补正: what the department asked for during review; the case's clock stands still until it arrives. */
  @Column({ name: 'supplement_request', type: 'jsonb', nullable: true })
  supplementRequest!: SupplementRequest | null;

  @Column({ name: 'licence_number', type: 'text', nullable: true })
  licenceNumber!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** The department's case and its decision document (文书字号), as approval announced them: the window prints them. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'decision_number', type: 'text', nullable: true })
  decisionNumber!: string | null;

  @Column({ name: 'licence_id', type: 'uuid', nullable: true })
  licenceId!: string | null;

  /** Set when the part's licence is revoked; the decision itself stays as it was made. */
  @Column({ type: 'jsonb', nullable: true })
  revocation!: PartRevocation | null;
}
