import { CreateMessagingTables1763856000000 } from '@onewindow/messaging';
import { CreateIntakeSchema1795404739838 } from './1795404739838-create-intake-schema';
import { WindowCapabilities1795414100728 } from './1795414100728-window-capabilities';
import { SupplementRequest1795432421384 } from './1795432421384-supplement-request';
import { ApplicationForms1795500000000 } from './1795500000000-application-forms';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const INTAKE_MIGRATIONS = [
  CreateMessagingTables1763856000000,
  CreateIntakeSchema1795404739838,
  WindowCapabilities1795414100728,
  SupplementRequest1795432421384,
  ApplicationForms1795500000000,
];
