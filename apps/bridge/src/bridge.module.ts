import { Inject, Module } from '@nestjs/common';
import { Clock, HealthRegistry, MetricsService } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { AdapterConfigurationRepository } from './adapters/adapter-configuration.repository';
import { AdaptersController } from './adapters/adapters.controller';
import { AdaptersService } from './adapters/adapters.service';
import { BridgeRuntime } from './adapters/bridge-runtime';
import { ConfigurationReloads } from './adapters/configuration-reload.service';
import { BridgeConfig } from './bridge.config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { QueueDeliveriesWhenApplicationAccepted } from './deliveries/queue-deliveries.handler';
import { QueueSupplementWhenPartSupplemented } from './deliveries/queue-supplement.handler';
import { BRIDGE_METRICS, createBridgeMetrics } from './exchange-log/bridge-metrics';
import { DeadLetters } from './exchange-log/dead-letters.service';
import { DeadLetterRepository } from './exchange-log/dead-letter.repository';
import { ExchangeLogController } from './exchange-log/exchange-log.controller';
import { ExchangeLog } from './exchange-log/exchange-log.service';
import { ExchangeLogRepository } from './exchange-log/exchange-log.repository';
import { ReplayService } from './exchange-log/replay.service';
import { InboundProcessor } from './inbound/inbound-processor';
import { InboundReceiptRepository } from './inbound/inbound-receipt.repository';
import { MappingPlaygroundController } from './mapping-playground/mapping-playground.controller';
import { PrefillController } from './prefill/prefill.controller';
import { PrefillService } from './prefill/prefill.service';
import { PrefillRecordRepository } from './prefill/prefill-record.repository';
import { WebhookRawBody } from './webhooks/raw-body';
import { WebhookRefusalLog } from './webhooks/webhook-refusal-log';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhookNonceRepository } from './webhooks/webhook-nonce.repository';

/**
 * 联通桥: adapters to department systems both ways, auto-fill look-ups, and the exchange log with
 * dead letters, replay and reconciliation. The runtime (transports and compiled mappings) is built
 * once at start-up from the validated adapter configuration; a bad one stops the start.
 */
@Module({
  controllers: [
    DeliveriesController,
    WebhooksController,
    AdaptersController,
    ExchangeLogController,
    PrefillController,
    MappingPlaygroundController,
  ],
  providers: [
    {
      provide: BridgeRuntime,
      inject: [BridgeConfig, DataSource, Clock],
      useFactory: (config: BridgeConfig, dataSource: DataSource, clock: Clock) => BridgeRuntime.start(config, dataSource, clock),
    },
    { provide: BRIDGE_METRICS, inject: [MetricsService], useFactory: createBridgeMetrics },
    DeliveryRepository,
    ExchangeLogRepository,
    DeadLetterRepository,
    AdapterConfigurationRepository,
    PrefillRecordRepository,
    InboundReceiptRepository,
    WebhookNonceRepository,
    WebhookRawBody,
    WebhookRefusalLog,
    ExchangeLog,
    DeadLetters,
    InboundProcessor,
    DeliveryWorker,
    ReplayService,
    AdaptersService,
    ConfigurationReloads,
    PrefillService,
    QueueDeliveriesWhenApplicationAccepted,
    QueueSupplementWhenPartSupplemented,
  ],
  exports: [BridgeRuntime],
})
export class BridgeModule {
  // The raw-body reader must exist before the application registers its body parsers.
  constructor(@Inject(WebhookRawBody) _rawBody: WebhookRawBody, runtime: BridgeRuntime, health: HealthRegistry) {
    // An adapter that cannot work (no chromium for a browser adapter) is named in health and the start banner; the bridge still starts.
    for (const { definition } of runtime.adapters) {
      health.registerWarning({
        name: `adapter ${definition.id}`,
        warning: () => {
          const reason = runtime.unavailable()[definition.id];
          return reason ? `${definition.name}（${definition.id}）${reason}` : null;
        },
      });
    }
  }
}
