import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { MonitoringEventRetention } from './monitoring-event-retention';
import { MONITORING_HANDLERS } from './monitoring.handlers';
import { MonitoringProjector } from './monitoring-projector';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** 电子监察: a read model of the whole flow built from events only, its KPIs, monthly reports and rebuild. */
@Module({
  controllers: [MonitoringController],
  providers: [MonitoringRepository, MonitoringProjector, MonitoringService, MonitoringEventRetention, ...MONITORING_HANDLERS],
})
export class MonitoringModule {}
