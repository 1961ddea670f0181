import { MESSAGING_MIGRATIONS } from '@onewindow/messaging';
import { CreateIntakeSchema1795404739838 } from './1795404739838-create-intake-schema';
import { WindowCapabilities1795414100728 } from './1795414100728-window-capabilities';
import { SupplementRequest1795432421384 } from './1795432421384-supplement-request';
import { ApplicationForms1795500000000 } from './1795500000000-application-forms';
import { PartRevocation1796601600000 } from './1796601600000-part-revocation';
import { NoticeWithdrawal1796601700000 } from './1796601700000-notice-withdrawal';
import { CreditEntry1796601900000 } from './1796601900000-credit-entry';
import { PartDocuments1796602300000 } from './1796602300000-part-documents';
import { ApplicantSignIn1796653502610 } from './1796653502610-applicant-sign-in';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const INTAKE_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateIntakeSchema1795404739838,
  WindowCapabilities1795414100728,
  SupplementRequest1795432421384,
  ApplicationForms1795500000000,
  PartRevocation1796601600000,
  NoticeWithdrawal1796601700000,
  CreditEntry1796601900000,
  PartDocuments1796602300000,
  ApplicantSignIn1796653502610,
];
