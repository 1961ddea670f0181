import { Module, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@onewindow/messaging';
import { HealthRegistry } from '../../health/health';
import { DeadLettersController } from './dead-letters.controller';

/** What operators need of every service with events: readiness of its broker, dead-letter handling. */
@Module({ controllers: [DeadLettersController] })
export class OperationsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly messaging: MessagingService,
  ) {}

  onModuleInit(): void {
    this.health.register({ name: 'broker', check: () => this.messaging.checkBroker() });
  }
}
