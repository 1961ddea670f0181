import { Injectable } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { Notification } from './notification.entity';

/** A message as the outbox takes it: the sending bookkeeping (sent, last error) starts empty. */
export type NewNotification = Pick<
  Notification,
  'id' | 'applicationId' | 'kind' | 'dedupKey' | 'phone' | 'text' | 'status' | 'attempts' | 'nextAttemptAt'
>;

/** The message the dispatcher sends next, with what it needs to send it and count the attempt. */
export type DueNotification = Pick<Notification, 'id' | 'phone' | 'text' | 'attempts'>;

/**
 * The notification outbox (短信发送队列) as intake stores it: the messages to applicants, written
 * in the transaction of the change they report and sent one by one by the dispatcher.
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a message unless one with the same application, kind and key exists: a redelivered event adds nothing. */
  async insertOnce(tx: EntityManager, notification: NewNotification): Promise<void> {
    await tx.createQueryBuilder().insert().into(Notification).values(notification).orIgnore().execute();
  }

  async insert(tx: EntityManager, notification: NewNotification): Promise<void> {
    await tx.insert(Notification, notification);
  }

  /** The application's messages, oldest first. */
  async ofApplication(applicationId: string): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The oldest message due at `now`, locked with SKIP LOCKED while it is sent: several instances
   * of the dispatcher each take another one, and none sends a message twice. Null when none is due.
   */
  async lockNextDue(tx: EntityManager, now: Date): Promise<DueNotification | null> {
    const [row]: DueNotification[] = await tx.query(
      `SELECT id, phone, text, attempts FROM ${quotedTable(tx, Notification)}
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return row ?? null;
  }

  /** Records how sending went: sent, or the attempt counted and the next one scheduled. */
  async update(
    tx: EntityManager,
    id: string,
    changes: Partial<Pick<Notification, 'status' | 'sentAt' | 'attempts' | 'lastError' | 'nextAttemptAt'>>,
  ): Promise<void> {
    await tx.update(Notification, { id }, changes);
  }
}
