import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import { CalendarYear, WorkingDayCalendarModule, type ServiceDefinition } from '@onewindow/platform';
import { ApplicationsModule } from './applications/applications.module';
import { ApplicantSessionsModule } from './applicant-sessions/applicant-sessions.module';
import { ApplicantSignInCode } from './applicant-sessions/sign-in-code.entity';
import { ReceiptsModule } from './receipts/receipts.module';
import { ProgressModule } from './progress/progress.module';
import { RatingsModule } from './ratings/ratings.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { Appointment } from './appointments/appointment.entity';
import { Rating, Rectification } from './ratings/rating.entity';
import { IssuanceModule } from './issuance/issuance.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Notification } from './notifications/notification.entity';
import { ApplicationNumberSequence } from './applications/application-number.entity';
import { ApplicationPart } from './applications/application-part.entity';
import { Application } from './applications/application.entity';
import { ApplicationNotice } from './applications/application-notice.entity';
import { ServiceBundle } from './catalogue/service-bundle.entity';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CatalogueService } from './catalogue/catalogue.service';
import { ServiceItem } from './catalogue/service-item.entity';
import { CreditEntry } from './credit/credit-entry.entity';
import { CreditModule } from './credit/credit.module';
import { DecisionsModule } from './decisions/decisions.module';
import { FormCorrection } from './forms/form-correction.entity';
import { IntakeConfig } from './intake.config';
import { INTAKE_MIGRATIONS } from './migrations';

/** 前台综合受理: the comprehensive window. */
export const intakeService: ServiceDefinition<IntakeConfig> = {
  name: 'intake',
  title: '前台综合受理 intake',
  defaultPort: 3001,
  // A catalogue file of up to 5 million characters (every item with its form) is imported in one request.
  maxRequestBody: '16mb',
  configClass: IntakeConfig,
  modules: () => [
    WorkingDayCalendarModule,
    NotificationsModule,
    CatalogueModule,
    ApplicationsModule,
    ReceiptsModule,
    IssuanceModule,
    ProgressModule,
    RatingsModule,
    AppointmentsModule,
    DecisionsModule,
    CreditModule,
    ApplicantSessionsModule,
  ],
  entities: [
    ...MESSAGING_ENTITIES,
    ServiceItem,
    ServiceBundle,
    Application,
    ApplicationPart,
    ApplicationNotice,
    ApplicationNumberSequence,
    FormCorrection,
    Notification,
    Rating,
    Rectification,
    Appointment,
    CalendarYear,
    CreditEntry,
    ApplicantSignInCode,
  ],
  migrations: INTAKE_MIGRATIONS,
  async seedDemoData(app) {
    await app.get(CatalogueService).seedDemoCatalogue();
  },
};
