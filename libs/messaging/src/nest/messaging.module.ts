import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventOutbox } from '../outbox/event-outbox';
import { noMetrics, type MessagingMetrics } from '../core/messaging-metrics';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MessagingService } from './messaging.service';

/**
 * Nest wiring of the messaging core for one service. Needs the service's TypeORM `DataSource`
 * in scope (global, as `TypeOrmModule.forRoot` provides it).
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        options.metricsToken
          ? {
              provide: MESSAGING_METRICS,
              useFactory: (metrics: MessagingMetrics) => metrics,
              inject: [options.metricsToken],
            }
          : { provide: MESSAGING_METRICS, useValue: noMetrics },
        { provide: EventOutbox, useFactory: () => new EventOutbox(options.service) },
        MessagingService,
      ],
      exports: [EventOutbox, MessagingService],
    };
  }
}
