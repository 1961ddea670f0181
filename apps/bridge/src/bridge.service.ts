import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { BridgeConfig } from './bridge.config';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { DepartmentDelivery } from './deliveries/department-delivery.entity';
import { BRIDGE_MIGRATIONS } from './migrations';

/** 联通桥: data exchange with the departments' own systems. */
export const bridgeService: ServiceDefinition<BridgeConfig> = {
  name: 'bridge',
  title: '联通桥 bridge',
  defaultPort: 3004,
  configClass: BridgeConfig,
  modules: () => [DeliveriesModule],
  entities: [...MESSAGING_ENTITIES, DepartmentDelivery],
  migrations: BRIDGE_MIGRATIONS,
};
