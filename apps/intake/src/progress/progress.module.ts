import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { RatingsModule } from '../ratings/ratings.module';
import { ProgressController } from './progress.controller';

/** 办件进度查询 for applicants. */
@Module({ imports: [ApplicationsModule, RatingsModule], controllers: [ProgressController] })
export class ProgressModule {}
