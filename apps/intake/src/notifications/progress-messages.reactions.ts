import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IntakeEvents, type IntakeEvent } from '../events/intake-events';
import { NotificationsService } from './notifications.service';

/**
 * Texts the applicant what happened, in the transaction of the change: the window's use cases
 * record events and never call the notifications. The dedup key makes a redelivered event (a
 * department's request, a revocation) add no second message.
 */
@Injectable()
export class TextApplicantOnProgress implements OnModuleInit {
  constructor(
    private readonly events: IntakeEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((tx, event) => this.react(tx, event));
  }

  async react(tx: EntityManager, event: IntakeEvent): Promise<void> {
    switch (event.kind) {
      case 'application-accepted':
        return this.notifications.enqueue(tx, event.application, 'accepted', { promisedDeadline: event.promisedDeadline });
      case 'materials-notice-issued':
        return this.notifications.enqueue(
          tx,
          event.application,
          'notice',
          { noticeNumber: event.noticeNumber, missingCount: event.missingCount },
          event.noticeNumber,
        );
      case 'supplement-requested':
        return this.notifications.enqueue(
          tx,
          event.application,
          'notice',
          { noticeNumber: event.noticeNumber, missingCount: event.missingCount },
          `supplement:${event.noticeNumber}`,
        );
      case 'supplement-withdrawn':
        return this.notifications.enqueue(
          tx,
          event.application,
          'notice-withdrawn',
          { noticeNumber: event.noticeNumber, reason: event.reason },
          event.noticeNumber,
        );
      case 'application-concluded':
        return this.notifications.enqueue(tx, event.application, 'decided', { outcome: event.outcome });
      case 'result-ready':
        return this.notifications.enqueue(tx, event.application, 'ready-for-pickup', {});
      case 'licence-revoked':
        return this.notifications.enqueue(
          tx,
          event.application,
          'revoked',
          { itemName: event.itemName, licenceNumber: event.licenceNumber, reason: event.reason },
          event.licenceNumber,
        );
      case 'rectification-answered':
        return this.notifications.enqueue(tx, event.application, 'rating-follow-up', { answer: event.answer }, event.rectificationId);
      case 'sign-in-code-requested':
        return this.notifications.enqueueSignInCode(tx, event.phone, event.text, event.codeId);
    }
  }
}
