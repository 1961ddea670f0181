import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import type { AgentV1, BundleRefV1, Channel, Level, PartyV1 } from '@onewindow/contracts';
import type { FiledForm } from '../forms/filing-form';
import { ApplicationPart } from './application-part.entity';

/**
 * draft: recorded at the window, materials not yet checked; submitted: filed online, awaiting the clerk's pre-review (网上预审); awaiting-supplement: a one-time notice (一次性告知) is out; accepted (受理): with the departments;
 * decided: every part decided (the result awaits issuance); issued: 统一出件 done.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'awaiting-supplement', 'accepted', 'decided', 'issued'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Each status as the window says it. */
export const STATUS_TEXT: Record<ApplicationStatus, string> = {
  draft: '收件待审查',
  submitted: '网上申请待预审',
  'awaiting-supplement': '待补正',
  accepted: '已受理',
  decided: '已办结',
  issued: '已出件',
};

@Entity({ name: 'application' })
@Index('ix_application_status_received', ['status', 'receivedAt'])
export class Application {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Readable, unique and dated: `YC` + date + daily sequence. */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  level!: Level;

  @Column({ type: 'jsonb' })
  applicant!: PartyV1;

  /** 帮办代办 / village agent acting for the applicant, recorded apart from the applicant. */
  @Column({ type: 'jsonb', nullable: true })
  agent!: AgentV1 | null;

  /** 一件事 the application was filed as, if any. */
  @Column({ type: 'jsonb', nullable: true })
  bundle!: BundleRefV1 | null;

  /** 办理情形 answers per item code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  situations!: Record<string, Record<string, string>>;

  /**
   * 申请表 as filed (the merged 一表申请 answers for several items), with the source of each
   * auto-filled answer and the counts of answers filled automatically and typed; each part keeps
   * its own projection. Null for applications filed before forms.
   */
  @Column({ type: 'jsonb', nullable: true })
  form!: FiledForm | null;

  /** Visits the applicant made in person (最多跑一次). */
  @Column({ type: 'int', default: 0 })
  visits!: number;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  /** Where it came in: at a window (a clerk) or online (the applicant, pre-reviewed later). */
  @Column({ name: 'received_via', type: 'text', default: 'window' })
  receivedVia!: 'window' | 'online';

  @Column({ name: 'received_by', type: 'text' })
  receivedBy!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy!: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** 统一收费: the payment recorded at the window before issuance. */
  @Column({ type: 'jsonb', nullable: true })
  payment!: Payment | null;

  /** 统一出件: how the results left the centre. */
  @Column({ type: 'jsonb', nullable: true })
  issuance!: Issuance | null;

  @OneToMany(() => ApplicationPart, (part) => part.application, { cascade: ['insert'] })
  parts!: Relation<ApplicationPart>[];

  @VersionColumn()
  revision!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export interface Payment {
  amountFen: number;
  method: 'cash' | 'card' | 'online' | 'transfer';
  /** 非税收入票据号 */
  receiptNumber: string;
  paidAt: string;
  recordedBy: string;
}

export interface Issuance {
  method: 'window' | 'post';
  /** EMS tracking number when posted. */
  trackingNumber: string | null;
  address: string | null;
  issuedAt: string;
  issuedBy: string;
  /** Results not handed out: a revoked licence (撤销), with what the clerk told the applicant. */
  withheld?: Array<{ itemName: string; note: string }>;
  /** 送达: the decision documents and licences handed out (or posted) with the result. */
  documents?: Array<{ kind: string; title: string; number: string }>;
}
