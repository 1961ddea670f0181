import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A one-time code sent by SMS for the applicant's sign-in. Only its keyed hash is kept; the
 * latest code of a phone is the one that counts.
 */
@Entity({ name: 'applicant_sign_in_code' })
@Index('ix_applicant_sign_in_code_phone', ['phone', 'requestedAt'])
@Index('ix_applicant_sign_in_code_address', ['requestedFrom', 'requestedAt'])
export class ApplicantSignInCode {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  /** The address that asked for it (rate limit per address). */
  @Column({ name: 'requested_from', type: 'text' })
  requestedFrom!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Wrong codes typed against it. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
