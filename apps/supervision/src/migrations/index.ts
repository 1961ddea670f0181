import { CreateMessagingTables1763856000000 } from '@onewindow/messaging';
import { CreateSupervisionSchema1795404739987 } from './1795404739987-create-supervision-schema';
import { NoticesRecordsPledgesMonitoring1795435341434 } from './1795435341434-notices-records-pledges-monitoring';
import { NoticeAddressFormKpi1795500000200 } from './1795500000200-notice-address-form-kpi';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const SUPERVISION_MIGRATIONS = [
  CreateMessagingTables1763856000000,
  CreateSupervisionSchema1795404739987,
  NoticesRecordsPledgesMonitoring1795435341434,
  NoticeAddressFormKpi1795500000200,
];
