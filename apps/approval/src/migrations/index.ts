import { CreateMessagingTables1763856000000 } from '@onewindow/messaging';
import { CreateApprovalSchema1795404739921 } from './1795404739921-create-approval-schema';
import { HandedUpFrom1795415307766 } from './1795415307766-handed-up-from';
import { DeadlinesWorkflowCredit1795432339916 } from './1795432339916-deadlines-workflow-credit';
import { CaseForm1795500000100 } from './1795500000100-case-form';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const APPROVAL_MIGRATIONS = [
  CreateMessagingTables1763856000000,
  CreateApprovalSchema1795404739921,
  HandedUpFrom1795415307766,
  DeadlinesWorkflowCredit1795432339916,
  CaseForm1795500000100,
];
