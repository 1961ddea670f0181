import { MESSAGING_MIGRATIONS } from '@onewindow/messaging';
import { CreateBridgeSchema1795404740044 } from './1795404740044-create-bridge-schema';
import { BridgeAdaptersExchangeLog1795434885945 } from './1795434885945-bridge-adapters-exchange-log';
import { DepartmentCaseNumbersSupplements1796601712223 } from './1796601712223-department-case-numbers-supplements';
import { BridgeDeadLetterDiscard1796710000100 } from './1796710000100-bridge-dead-letter-discard';
import { ConfigurationReload1796710000200 } from './1796710000200-configuration-reload';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const BRIDGE_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateBridgeSchema1795404740044,
  BridgeAdaptersExchangeLog1795434885945,
  DepartmentCaseNumbersSupplements1796601712223,
  BridgeDeadLetterDiscard1796710000100,
  ConfigurationReload1796710000200,
];
