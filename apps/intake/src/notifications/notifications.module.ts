import { Global, Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';
import { LoggingSmsSender, SMS_SENDER } from './sms-sender';

/** Progress messages to applicants (accepted, notice, decided, ready for pick-up) through a pluggable SMS sender. */
@Global()
@Module({
  providers: [NotificationsService, { provide: SMS_SENDER, useFactory: () => new LoggingSmsSender() }],
  exports: [NotificationsService],
})
export class NotificationsModule {}
