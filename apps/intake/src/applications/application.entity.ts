import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import type { Channel, Level, PartyV1 } from '@onewindow/contracts';
import { ApplicationPart } from './application-part.entity';

export const APPLICATION_STATUSES = ['accepted', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

@Entity({ name: 'application' })
@Index('ix_application_status_accepted', ['status', 'acceptedAt'])
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

  @Column({ name: 'accepted_by', type: 'text' })
  acceptedBy!: string;

  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @OneToMany(() => ApplicationPart, (part) => part.application, { cascade: ['insert'] })
  parts!: Relation<ApplicationPart>[];

  @VersionColumn()
  revision!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
