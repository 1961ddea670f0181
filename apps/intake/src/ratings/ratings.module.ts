import { Module } from '@nestjs/common';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** 好差评 and 差评整改. */
@Module({ controllers: [RatingsController], providers: [RatingsService], exports: [RatingsService] })
export class RatingsModule {}
