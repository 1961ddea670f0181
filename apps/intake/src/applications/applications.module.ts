import { Module } from '@nestjs/common';
import { createWorkingDayCalendar } from '@onewindow/domain';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/** 一窗受理: applications accepted at the window, their numbers and promised deadlines. */
@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationsService, { provide: WORKING_DAY_CALENDAR, useFactory: () => createWorkingDayCalendar() }],
})
export class ApplicationsModule {}
