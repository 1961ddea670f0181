import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseRepositoryModule } from './case-repository.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { OpenCasesWhenApplicationAccepted } from './open-cases.handler';

/** 后台分类审批: each department's queue of cases, opened from intake's acceptances. */
@Module({
  imports: [CaseRepositoryModule, DeadlinesModule, WorkflowModule],
  controllers: [CasesController],
  providers: [CasesService, OpenCasesWhenApplicationAccepted],
})
export class CasesModule {}
