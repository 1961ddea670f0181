import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { ApprovalConfig } from './approval.config';
import { ApplicationProgress } from './cases/application-progress.entity';
import { ApprovalCase } from './cases/approval-case.entity';
import { CasesModule } from './cases/cases.module';
import { Licence, LicenceNumberSequence } from './licences/licence.entity';
import { APPROVAL_MIGRATIONS } from './migrations';

/** 后台分类审批: the departments' back office. */
export const approvalService: ServiceDefinition<ApprovalConfig> = {
  name: 'approval',
  title: '后台分类审批 approval',
  defaultPort: 3002,
  configClass: ApprovalConfig,
  modules: () => [CasesModule],
  entities: [...MESSAGING_ENTITIES, ApprovalCase, ApplicationProgress, Licence, LicenceNumberSequence],
  migrations: APPROVAL_MIGRATIONS,
};
