import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { ApplicationsModule } from './applications/applications.module';
import { ApplicationNumberSequence } from './applications/application-number.entity';
import { ApplicationPart } from './applications/application-part.entity';
import { Application } from './applications/application.entity';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CatalogueService } from './catalogue/catalogue.service';
import { ServiceItem } from './catalogue/service-item.entity';
import { DecisionsModule } from './decisions/decisions.module';
import { IntakeConfig } from './intake.config';
import { INTAKE_MIGRATIONS } from './migrations';

/** 前台综合受理: the comprehensive window. */
export const intakeService: ServiceDefinition<IntakeConfig> = {
  name: 'intake',
  title: '前台综合受理 intake',
  defaultPort: 3001,
  configClass: IntakeConfig,
  modules: () => [CatalogueModule, ApplicationsModule, DecisionsModule],
  entities: [...MESSAGING_ENTITIES, ServiceItem, Application, ApplicationPart, ApplicationNumberSequence],
  migrations: INTAKE_MIGRATIONS,
  async seedDemoData(app) {
    await app.get(CatalogueService).seedDemoCatalogue();
  },
};
