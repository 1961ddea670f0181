import { BaseRpcContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { IncomingMessage } from '../core/messages';
import type { InProcessEventBus } from './in-process-event-bus';

/** The in-process transport's counterpart of Nest's KafkaContext. */
export class InProcessContext extends BaseRpcContext<[IncomingMessage]> {
  getMessage(): IncomingMessage {
    return this.args[0];
  }
}

/**
 * A Nest transport strategy over the in-process bus. Handlers are registered exactly as for
 * Kafka (`addHandler(topic, fn, true)`), so services run unchanged on either transport.
 */
export class InProcessEventServer extends Server implements CustomTransportStrategy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: InProcessEventBus,
    private readonly groupId: string,
  ) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    const topics = [...this.getHandlers().keys()];
    this.unsubscribe = this.bus.subscribe(this.groupId, topics, async (message) => {
      const handler = this.getHandlerByPattern(message.topic);
      if (!handler) return;
      await handler(message.value, new InProcessContext([message]));
    });
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
