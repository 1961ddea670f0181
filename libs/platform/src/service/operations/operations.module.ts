import { Module, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@onewindow/messaging';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '../../health/health';
import { DeadLettersController } from './dead-letters.controller';

/** What operators need of every service: readiness of its database and broker, dead-letter handling. */
@Module({ controllers: [DeadLettersController] })
export class OperationsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingService,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'database',
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
    this.health.register({ name: 'broker', check: () => this.messaging.checkBroker() });
  }
}
