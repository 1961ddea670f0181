import type { EventTransport, PartitionLag } from '../core/event-transport';
import type { InProcessEventBus } from './in-process-event-bus';
import { InProcessEventServer } from './in-process-event-server';

/**
 * The embedded default's backbone: every service in one process on one bus. Topics need no
 * creating, the bus is always reachable, and it delivers synchronously, so no group ever lags.
 */
export class InProcessEventTransport implements EventTransport {
  readonly server: InProcessEventServer;

  constructor(
    readonly publisher: InProcessEventBus,
    groupId: string,
  ) {
    this.server = new InProcessEventServer(publisher, groupId);
  }

  ensureTopics(): Promise<string[]> {
    return Promise.resolve([]);
  }

  checkReachable(): Promise<void> {
    return Promise.resolve();
  }

  consumerLag(): Promise<PartitionLag[]> {
    return Promise.resolve([]);
  }

  closePublisher(): Promise<void> {
    return Promise.resolve();
  }
}
