import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ProgressController } from './progress.controller';

/** 办件进度查询 for applicants. */
@Module({ imports: [ApplicationsModule], controllers: [ProgressController] })
export class ProgressModule {}
