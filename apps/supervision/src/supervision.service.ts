import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { SUPERVISION_MIGRATIONS } from './migrations';
import { NoticesModule } from './notices/notices.module';
import { SupervisionNotice } from './notices/supervision-notice.entity';
import { SupervisionConfig } from './supervision.config';

/** 审管互动与电子监察: supervision of new licence holders and the monitoring of the whole flow. */
export const supervisionService: ServiceDefinition<SupervisionConfig> = {
  name: 'supervision',
  title: '审管互动 supervision',
  defaultPort: 3003,
  configClass: SupervisionConfig,
  modules: (config) => [NoticesModule.register({ acknowledgeWithinHours: config.noticeAcknowledgeHours })],
  entities: [...MESSAGING_ENTITIES, SupervisionNotice],
  migrations: SUPERVISION_MIGRATIONS,
};
