import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { BatchDelivery, EventConsumerServer } from '../core/messages';
import type { InProcessEventBus } from './in-process-event-bus';

/**
 * A Nest transport strategy over the in-process bus: the same batches reach the consumer
 * pipeline as from Kafka, so services run unchanged on either transport.
 */
export class InProcessEventServer extends Server implements CustomTransportStrategy, EventConsumerServer {
  private unsubscribe: (() => void) | null = null;
  private subscription: { topics: string[]; deliver: BatchDelivery } | null = null;

  constructor(
    private readonly bus: InProcessEventBus,
    private readonly groupId: string,
  ) {
    super();
  }

  consume(topics: string[], deliver: BatchDelivery): void {
    this.subscription = { topics, deliver };
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    const subscription = this.subscription;
    if (subscription) {
      this.unsubscribe = this.bus.subscribe(this.groupId, subscription.topics, (messages) => subscription.deliver(messages));
    }
    callback();
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  on(): never {
    throw new Error('The in-process transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}
