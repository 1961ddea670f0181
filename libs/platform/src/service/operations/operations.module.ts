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
    // Degraded, not down: every other event flows; the refused ones wait for an operator.
    this.health.registerWarning({
      name: 'outbox',
      warning: () => {
        const refused = this.messaging.outboxRefusedRows();
        return refused > 0 ? `发件箱有 ${refused} 条事件被消息代理拒收（如超过大小上限），已隔离，其他事件照常发布，需运维人员处理` : null;
      },
    });
  }
}
