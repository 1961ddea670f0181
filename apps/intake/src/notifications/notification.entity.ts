import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_KINDS = [
  'accepted',
  'notice',
  'decided',
  'ready-for-pickup',
  'rating-follow-up',
  'revoked',
  'notice-withdrawn',
  'sign-in-code',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** The messages about an application (progress messages); a sign-in code belongs to none. */
export type ProgressNotificationKind = Exclude<NotificationKind, 'sign-in-code'>;
export type NotificationStatus = 'pending' | 'sent' | 'failed';

/**
 * A progress message to the applicant, written in the transaction of the change it reports
 * (a notification outbox), then sent by the dispatcher: nothing is told that did not happen,
 * and nothing that happened goes untold because the SMS gateway was down.
 */
@Entity({ name: 'notification' })
@Index('ix_notification_pending', ['status', 'createdAt'])
@Index('ix_notification_application', ['applicationId'])
@Index('ux_notification_application_kind_key', ['applicationId', 'kind', 'dedupKey'], { unique: true })
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The application the message is about; none for an applicant's sign-in code. */
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** Distinguishes repeated messages of one kind (e.g. the notice number); redelivered events reuse it. */
  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
