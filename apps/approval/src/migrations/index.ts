import { MESSAGING_MIGRATIONS } from '@onewindow/messaging';
import { CreateApprovalSchema1795404739921 } from './1795404739921-create-approval-schema';
import { HandedUpFrom1795415307766 } from './1795415307766-handed-up-from';
import { DeadlinesWorkflowCredit1795432339916 } from './1795432339916-deadlines-workflow-credit';
import { CaseForm1795500000100 } from './1795500000100-case-form';
import { DepartmentDecisionReceivedAt1796601572378 } from './1796601572378-department-decision-received-at';
import { SeparateDuties1796601800000 } from './1796601800000-separate-duties';
import { DecisionDocuments1796602200000 } from './1796602200000-decision-documents';
import { ColourCheckedOn1796700000000 } from './1796700000000-colour-checked-on';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const APPROVAL_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateApprovalSchema1795404739921,
  HandedUpFrom1795415307766,
  DeadlinesWorkflowCredit1795432339916,
  CaseForm1795500000100,
  DepartmentDecisionReceivedAt1796601572378,
  SeparateDuties1796601800000,
  DecisionDocuments1796602200000,
  ColourCheckedOn1796700000000,
];
