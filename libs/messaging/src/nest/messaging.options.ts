import type { ServiceName } from '@onewindow/contracts';
import type { MessagingMetrics } from '../core/messaging-metrics';
import type { InProcessEventBus } from '../in-process/in-process-event-bus';

export type TransportOptions =
  | {
      kind: 'kafka';
      brokers: string[];
      /** Prefix for every topic and the consumer group (isolates test suites on one broker). */
      topicPrefix?: string;
      partitions?: number;
      partitionsConsumedConcurrently?: number;
    }
  | { kind: 'in-process'; bus: InProcessEventBus; topicPrefix?: string };

export interface MessagingOptions {
  service: ServiceName;
  transport: TransportOptions;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  outbox?: { pollIntervalMs?: number; batchSize?: number; leaseMs?: number };
  metrics?: MessagingMetrics;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
