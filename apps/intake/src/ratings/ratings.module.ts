import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { IntakeEventsModule } from '../events/intake-events.module';
import { RatingRepository } from './rating.repository';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** 好差评 and 差评整改. */
@Module({
  imports: [ApplicationRepositoryModule, IntakeEventsModule],
  controllers: [RatingsController],
  providers: [RatingsService, RatingRepository],
  exports: [RatingsService],
})
export class RatingsModule {}
