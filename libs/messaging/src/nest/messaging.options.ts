import type { InjectionToken } from '@nestjs/common';
import type { ServiceName } from '@onewindow/contracts';
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
  /** Most consumed messages handled in one transaction per handler (Kafka); default 100. */
  consumerBatchSize?: number;
  /** `maxBatchBytes`: most bytes in one publish, below the broker's `message.max.bytes`. */
  outbox?: { pollIntervalMs?: number; batchSize?: number; leaseMs?: number; maxBatchBytes?: number };
  /** A provider implementing `MessagingMetrics` (the platform's metrics service); none means no metrics. */
  metricsToken?: InjectionToken;
  /** How long each stage of a graceful shutdown may take (consumer, handler in flight, outbox flush, producer). */
  shutdownStageTimeoutMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_METRICS = Symbol('MESSAGING_METRICS');
