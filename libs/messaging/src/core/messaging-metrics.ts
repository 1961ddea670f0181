export type ConsumeOutcome = 'processed' | 'duplicate' | 'dead_lettered' | 'retried';

/** What the messaging core reports; the platform lib implements it with Prometheus metrics. */
export interface MessagingMetrics {
  outboxBacklog(count: number): void;
  outboxPublished(topic: string, count: number): void;
  /** An outbox row the broker refused (too large, invalid) was set aside. */
  outboxRefused(topic: string): void;
  eventConsumed(topic: string, outcome: ConsumeOutcome): void;
  deadLettered(topic: string, reason: string): void;
  consumerLag(topic: string, partition: number, lag: number): void;
  /** Registers work to run before each scrape (consumer lag is read from the broker when asked, not polled). */
  refreshBeforeScrape?(refresh: () => Promise<void>): void;
}

export const noMetrics: MessagingMetrics = {
  outboxBacklog: () => undefined,
  outboxPublished: () => undefined,
  outboxRefused: () => undefined,
  eventConsumed: () => undefined,
  deadLettered: () => undefined,
  consumerLag: () => undefined,
};

/** The logging the core needs; Nest's Logger and the platform's JSON logger both fit. */
export interface MessagingLogger {
  log(message: string, ...meta: unknown[]): void;
  warn(message: string, ...meta: unknown[]): void;
  error(message: string, ...meta: unknown[]): void;
  debug?(message: string, ...meta: unknown[]): void;
}
