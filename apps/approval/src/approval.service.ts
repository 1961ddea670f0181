import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import { CalendarYear, WorkingDayCalendarModule, type ServiceDefinition } from '@onewindow/platform';
import { ApprovalConfig } from './approval.config';
import { ApplicationProgress } from './cases/application-progress.entity';
import { ApprovalCase } from './cases/approval-case.entity';
import { CaseForm } from './cases/case-form.entity';
import { CasesModule } from './cases/cases.module';
import { CreditModule } from './credit/credit.module';
import { HolderRecord } from './credit/holder-record.entity';
import { CaseReminder } from './deadlines/case-reminder.entity';
import { ClockEntry } from './deadlines/clock-entry.entity';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DecisionsModule } from './decisions/decisions.module';
import { seedApprovalDemoData } from './demo/demo-approvers';
import { Licence, LicenceSeries } from './licences/licence.entity';
import { LicencesModule } from './licences/licences.module';
import { APPROVAL_MIGRATIONS } from './migrations';
import { Approver } from './workflow/approver.entity';
import { CaseStepRecord } from './workflow/case-step-record.entity';
import { ItemWorkflow } from './workflow/item-workflow.entity';
import { WorkflowModule } from './workflow/workflow.module';

/** 后台分类审批: the departments' back office. */
export const approvalService: ServiceDefinition<ApprovalConfig> = {
  name: 'approval',
  title: '后台分类审批 approval',
  defaultPort: 3002,
  configClass: ApprovalConfig,
  modules: () => [
    WorkingDayCalendarModule,
    DeadlinesModule,
    WorkflowModule,
    CasesModule,
    CreditModule,
    LicencesModule,
    DecisionsModule,
  ],
  entities: [
    ...MESSAGING_ENTITIES,
    CalendarYear,
    ApprovalCase,
    CaseForm,
    ApplicationProgress,
    ClockEntry,
    CaseReminder,
    ItemWorkflow,
    Approver,
    CaseStepRecord,
    HolderRecord,
    Licence,
    LicenceSeries,
  ],
  migrations: APPROVAL_MIGRATIONS,
  seedDemoData: seedApprovalDemoData,
};
