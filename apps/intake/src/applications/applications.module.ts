import { CreditModule } from '../credit/credit.module';
import { IssuanceModule } from '../issuance/issuance.module';
import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from './application-repository.module';
import { FormsModule } from '../forms/forms.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { OnlineApplicationsController } from './online-applications.controller';

/** 一窗受理: applications at the window, the materials check, one-time notices and acceptance. */
@Module({
  imports: [ApplicationRepositoryModule, IssuanceModule, FormsModule, CreditModule],
  controllers: [ApplicationsController, OnlineApplicationsController],
  providers: [ApplicationsService],
})
export class ApplicationsModule {}
