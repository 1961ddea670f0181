import { Module } from '@nestjs/common';
import { CatalogueRepositoryModule } from '../catalogue/catalogue-repository.module';
import { CreditModule } from '../credit/credit.module';
import { IntakeEventsModule } from '../events/intake-events.module';
import { FormsModule } from '../forms/forms.module';
import { IssuanceModule } from '../issuance/issuance.module';
import { AcceptanceDecision } from './acceptance-decision';
import { ApplicationFormCorrections } from './application-form-corrections';
import { ApplicationQueries } from './application-queries';
import { ApplicationRepositoryModule } from './application-repository.module';
import { ApplicationsController } from './applications.controller';
import { FiledItems } from './filed-items';
import { FilingService } from './filing.service';
import { MaterialsReviewService } from './materials-review.service';
import { OnlineApplicationsController } from './online-applications.controller';
import { PartFollowUpService } from './part-follow-up.service';

/**
 * 一窗受理: filing (at the window, as a draft, online), the materials review (预审, 补正) ending in
 * acceptance or a one-time notice, a part's follow-up at the window, and the queries of applications.
 */
@Module({
  imports: [ApplicationRepositoryModule, CatalogueRepositoryModule, IntakeEventsModule, IssuanceModule, FormsModule, CreditModule],
  controllers: [ApplicationsController, OnlineApplicationsController],
  providers: [
    FilingService,
    MaterialsReviewService,
    PartFollowUpService,
    ApplicationQueries,
    AcceptanceDecision,
    ApplicationFormCorrections,
    FiledItems,
  ],
  exports: [ApplicationQueries],
})
export class ApplicationsModule {}
