import { Module } from '@nestjs/common';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { ApproverRepository } from './approver.repository';
import { CaseHistoryRepository } from './case-history.repository';
import { ItemWorkflowRepository } from './item-workflow.repository';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** 审批流程: steps per item, assignments, AB岗 stand-ins and reassignment. */
@Module({
  imports: [CaseRepositoryModule],
  controllers: [WorkflowController],
  providers: [ApproverRepository, ItemWorkflowRepository, CaseHistoryRepository, WorkflowService],
  exports: [ItemWorkflowRepository, WorkflowService],
})
export class WorkflowModule {}
