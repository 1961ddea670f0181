import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';
import { CENTRE } from '../receipts/receipt';
import type { Notification, ProgressNotificationKind } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { progressMessage, type MessageFacts } from './progress-messages';
import { SMS_SENDER, type SmsSender } from './sms-sender';

const BATCH_SIZE = 50;
const MAX_ATTEMPTS = 8;
const POLL_INTERVAL_MS = 1_000;

/** The notification outbox: messages written with the change they report, sent by a dispatcher. */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly task = new PeriodicTask('SMS dispatch', () => this.dispatchOnce(), this.logger);
  private sending: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    @Inject(SMS_SENDER) private readonly sender: SmsSender,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a progress message in the caller's transaction. Without a phone number there is
   * nobody to text; a second call with the same key (a redelivered event) adds nothing.
   */
  async enqueue(
    tx: EntityManager,
    application: Application,
    kind: ProgressNotificationKind,
    facts: Omit<MessageFacts, 'applicantName' | 'applicationNumber' | 'subject' | 'centre'>,
    dedupKey: string = kind,
  ): Promise<void> {
    const phone = application.contactPhone ?? application.applicant.phone;
    if (!phone) return;
    const subject = application.bundle?.name ?? (application.parts ?? []).map((part) => part.itemName).join('、');
    const text = progressMessage(kind, {
      ...facts,
      applicantName: application.applicant.name,
      applicationNumber: application.number,
      subject,
      centre: CENTRE,
    });
    await this.notifications.insertOnce(tx, {
      id: randomUUID(),
      applicationId: application.id,
      kind,
      dedupKey,
      phone,
      text,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: this.clock.now(),
    });
  }

  /**
   * An applicant's sign-in code (短信验证码), in the caller's transaction: sent by the same
   * dispatcher as every progress message, about no application.
   */
  async enqueueSignInCode(tx: EntityManager, phone: string, text: string, codeId: string): Promise<void> {
    await this.notifications.insert(tx, {
      id: randomUUID(),
      applicationId: null,
      kind: 'sign-in-code',
      dedupKey: codeId,
      phone,
      text,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: this.clock.now(),
    });
  }

  async forApplication(applicationId: string): Promise<Notification[]> {
    return this.notifications.ofApplication(applicationId);
  }

  onApplicationBootstrap(): void {
    this.task.start(POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await this.sending?.catch(() => undefined);
  }

  /** Sends what is due; each message is locked while it is sent, so several instances never double-send. */
  async dispatchOnce(): Promise<number> {
    if (this.sending) return this.sending;
    this.sending = this.sendDue().finally(() => (this.sending = null));
    return this.sending;
  }

  private async sendDue(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < BATCH_SIZE; i += 1) {
      const now = this.clock.now();
      const done = await this.dataSource.transaction(async (tx) => {
        const row = await this.notifications.lockNextDue(tx, now);
        if (!row) return null;
        try {
          await this.sender.send(row.phone, row.text);
          await this.notifications.update(tx, row.id, { status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null });
          return 'sent';
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          const failed = attempts >= MAX_ATTEMPTS;
          await this.notifications.update(tx, row.id, {
            attempts,
            lastError: message.slice(0, 500),
            status: failed ? 'failed' : 'pending',
            nextAttemptAt: new Date(now.getTime() + Math.min(2 ** attempts * 1_000, 600_000)),
          });
          if (failed) this.logger.error(`SMS ${row.id} failed after ${attempts} attempts: ${message}`);
          return 'retry';
        }
      });
      if (done === null) break;
      if (done === 'sent') sent += 1;
    }
    return sent;
  }
}
