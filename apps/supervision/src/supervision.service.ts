import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { SUPERVISION_MIGRATIONS } from './migrations';
import { MONITORING_ENTITIES } from './monitoring/monitoring.entities';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NoticesModule } from './notices/notices.module';
import { RevokedLicence, SupervisionNotice } from './notices/supervision-notice.entity';
import { PledgeVerification } from './pledges/pledge-verification.entity';
import { PledgesModule } from './pledges/pledges.module';
import { RecordsModule } from './records/records.module';
import { SupervisionRecord } from './records/supervision-record.entity';
import { SupervisionConfig } from './supervision.config';

/** 审管互动与电子监察: supervision of new licence holders and the monitoring of the whole flow. */
export const supervisionService: ServiceDefinition<SupervisionConfig> = {
  name: 'supervision',
  title: '审管互动 supervision',
  defaultPort: 3003,
  configClass: SupervisionConfig,
  modules: (config) => [
    NoticesModule.register({ acknowledgeWithinHours: config.noticeAcknowledgeHours }),
    RecordsModule,
    PledgesModule,
    MonitoringModule,
  ],
  entities: [...MESSAGING_ENTITIES, SupervisionNotice, RevokedLicence, SupervisionRecord, PledgeVerification, ...MONITORING_ENTITIES],
  migrations: SUPERVISION_MIGRATIONS,
};
