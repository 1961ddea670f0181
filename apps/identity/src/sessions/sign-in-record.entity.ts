import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SIGN_IN_EVENTS = ['sign-in', 'sign-out'] as const;
export type SignInEvent = (typeof SIGN_IN_EVENTS)[number];

/**
 * `succeeded`; `invalid-credentials` (unknown name or wrong password: the caller is not told
 * which); `locked` (refused while locked); `locked-now` (the wrong password that locked it);
 * `disabled` (right password, disabled account).
 */
export const SIGN_IN_OUTCOMES = ['succeeded', 'invalid-credentials', 'locked', 'locked-now', 'disabled'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/** The sign-in audit (登录日志): who, when, from where, and what came of it. Never the password. */
@Entity({ name: 'sign_in_record' })
@Index('ix_sign_in_record_at', ['at'])
@Index('ix_sign_in_record_username', ['username', 'at'])
export class SignInRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  event!: SignInEvent;

  /** As typed (trimmed, lower case, at most 64 characters), also when no account has it. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'account_id', type: 'text', nullable: true })
  accountId!: string | null;

  @Column({ type: 'text' })
  outcome!: SignInOutcome;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  /** The connecting address (the gateway's, behind it). */
  @Column({ name: 'remote_address', type: 'text', nullable: true })
  remoteAddress!: string | null;

  /** `X-Forwarded-For` as the gateway passed it on: the browser's address. */
  @Column({ name: 'forwarded_for', type: 'text', nullable: true })
  forwardedFor!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
