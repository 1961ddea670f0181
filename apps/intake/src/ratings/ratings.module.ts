import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** 好差评 and 差评整改. */
@Module({ imports: [ApplicationRepositoryModule], controllers: [RatingsController], providers: [RatingsService], exports: [RatingsService] })
export class RatingsModule {}
