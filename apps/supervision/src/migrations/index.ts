import { MESSAGING_MIGRATIONS } from '@onewindow/messaging';
import { CreateSupervisionSchema1795404739987 } from './1795404739987-create-supervision-schema';
import { NoticesRecordsPledgesMonitoring1795435341434 } from './1795435341434-notices-records-pledges-monitoring';
import { NoticeAddressFormKpi1795500000200 } from './1795500000200-notice-address-form-kpi';
import { ClosedNotices1796601600000 } from './1796601600000-closed-notices';
import { LicenceItemName1796602000000 } from './1796602000000-licence-item-name';
import { ToleranceAndOutcomeKpis1796602100000 } from './1796602100000-tolerance-and-outcome-kpis';
import { HistoryLookups1796800000000 } from './1796800000000-history-lookups';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const SUPERVISION_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateSupervisionSchema1795404739987,
  NoticesRecordsPledgesMonitoring1795435341434,
  NoticeAddressFormKpi1795500000200,
  ClosedNotices1796601600000,
  LicenceItemName1796602000000,
  ToleranceAndOutcomeKpis1796602100000,
  HistoryLookups1796800000000,
];
