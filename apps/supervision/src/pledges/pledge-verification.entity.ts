import { Column, Entity, Index } from 'typeorm';
import { LicenceSubject } from '../licence-subject';
import type { ActorV1, PledgeV1 } from '@onewindow/contracts';

/** open → verified (the pledges were true) or false-pledge (承诺不实: revocation requested, blacklisted). */
export const VERIFICATION_STATUSES = ['open', 'verified', 'false-pledge'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** 告知承诺 核查: the supervising department checks what a licence holder pledged instead of proving. */
@Entity({ name: 'pledge_verification' })
@Index('ux_verification_licence', ['licenceId'], { unique: true })
@Index('ix_verification_department_status', ['departmentCode', 'status', 'dueOn'])
export class PledgeVerification extends LicenceSubject {
  @Column({ type: 'jsonb' })
  pledges!: PledgeV1[];

  @Column({ type: 'text' })
  status!: VerificationStatus;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text', nullable: true })
  finding!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'jsonb', nullable: true })
  verifiedBy!: ActorV1 | null;

  @Column({ name: 'revocation_request_id', type: 'uuid', nullable: true })
  revocationRequestId!: string | null;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
