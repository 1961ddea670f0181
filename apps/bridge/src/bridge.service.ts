import { MESSAGING_ENTITIES } from '@onewindow/messaging';
import type { ServiceDefinition } from '@onewindow/platform';
import { AdapterState } from './adapters/adapter-state.entity';
import { SourceCursor } from './adapters/source-cursor.entity';
import { ConfigurationReload } from './adapters/configuration-reload.entity';
import { BridgeConfig } from './bridge.config';
import { BridgeModule } from './bridge.module';
import { DemoModule } from './demo/demo.module';
import { DepartmentDelivery } from './deliveries/department-delivery.entity';
import { BridgeDeadLetter } from './exchange-log/bridge-dead-letter.entity';
import { ExchangeLogEntry } from './exchange-log/exchange-log-entry.entity';
import { InboundReceipt } from './inbound/inbound-receipt.entity';
import { BRIDGE_MIGRATIONS } from './migrations';
import { PrefillRecord } from './prefill/prefill-record.entity';
import { WebhookNonce } from './webhooks/webhook-nonce.entity';

/** 联通桥: data exchange with the departments' own systems and the shared data sources. */
export const bridgeService: ServiceDefinition<BridgeConfig> = {
  name: 'bridge',
  title: '联通桥 bridge',
  defaultPort: 3004,
  configClass: BridgeConfig,
  modules: (config) => [BridgeModule, ...(config.demoSystems ? [DemoModule] : [])],
  entities: [
    ...MESSAGING_ENTITIES,
    DepartmentDelivery,
    ExchangeLogEntry,
    BridgeDeadLetter,
    InboundReceipt,
    WebhookNonce,
    AdapterState,
    ConfigurationReload,
    SourceCursor,
    PrefillRecord,
  ],
  migrations: BRIDGE_MIGRATIONS,
};
