import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SESSION_END_REASONS = ['signed-out', 'account-disabled', 'password-changed', 'password-reset'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** One sign-in: its id is the token's `jti`, so signing out or disabling the account ends it. */
@Entity({ name: 'session' })
@Index('ix_session_account', ['accountId', 'endedAt'])
export class Session {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: SessionEndReason | null;
}
