import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { IntakeEventsModule } from '../events/intake-events.module';
import { IssuanceController } from './issuance.controller';
import { IssuanceService } from './issuance.service';

/** 统一收费 and 统一出件: fees and results at the same window. */
@Module({
  imports: [ApplicationRepositoryModule, IntakeEventsModule],
  controllers: [IssuanceController],
  providers: [IssuanceService],
  exports: [IssuanceService],
})
export class IssuanceModule {}
