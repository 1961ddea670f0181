import { IssuanceModule } from '../issuance/issuance.module';
import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { OnlineApplicationsController } from './online-applications.controller';

/** 一窗受理: applications at the window, the materials check, one-time notices and acceptance. */
@Module({
  imports: [IssuanceModule, FormsModule],
  controllers: [ApplicationsController, OnlineApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
