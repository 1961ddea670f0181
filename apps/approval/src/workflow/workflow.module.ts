import { Module } from '@nestjs/common';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** 审批流程: steps per item, assignments, AB岗 stand-ins and reassignment. */
@Module({ imports: [CaseRepositoryModule], controllers: [WorkflowController], providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
