import { Module } from '@nestjs/common';
import { IntakeEventsModule } from '../events/intake-events.module';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';
import { TextApplicantOnProgress } from './progress-messages.reactions';
import { LoggingSmsSender, SMS_SENDER } from './sms-sender';

/**
 * Progress messages to applicants (accepted, notice, decided, ready for pick-up) through a
 * pluggable SMS sender. Nothing calls it: it reacts to the window's events in their transaction.
 */
@Module({
  imports: [IntakeEventsModule],
  providers: [
    NotificationsService,
    NotificationRepository,
    TextApplicantOnProgress,
    { provide: SMS_SENDER, useFactory: () => new LoggingSmsSender() },
  ],
})
export class NotificationsModule {}
