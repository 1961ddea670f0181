import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { RatingsModule } from '../ratings/ratings.module';
import { ProgressController } from './progress.controller';

/** 办件进度查询 for applicants. */
@Module({ imports: [ApplicationRepositoryModule, RatingsModule], controllers: [ProgressController] })
export class ProgressModule {}
