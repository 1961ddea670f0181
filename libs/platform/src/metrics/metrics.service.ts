import { Injectable, Logger } from '@nestjs/common';
import type { ConsumeOutcome, MessagingMetrics } from '@onewindow/messaging';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service. Each service has its own registry (several run in one
 * process in the embedded default), every series labelled with the service.
 */
@Injectable()
export class MetricsService implements MessagingMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly backlog: Gauge;
  private readonly published: Counter<'topic'>;
  private readonly refused: Counter<'topic'>;
  private readonly consumed: Counter<'topic' | 'outcome'>;
  private readonly deadLetters: Counter<'topic' | 'reason'>;
  private readonly lag: Gauge<'topic' | 'partition'>;
  private readonly refreshers: Array<() => Promise<void>> = [];
  private readonly logger = new Logger('Metrics');

  constructor(service: string, options: { processMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'onewindow_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.backlog = new Gauge({ name: 'onewindow_outbox_backlog', help: 'Outbox rows not yet published', registers });
    this.published = new Counter({
      name: 'onewindow_outbox_published_total',
      help: 'Events published from the outbox',
      labelNames: ['topic'],
      registers,
    });
    this.refused = new Counter({
      name: 'onewindow_outbox_refused_total',
      help: 'Outbox rows the broker refused (too large, invalid) and the relay set aside; each needs an operator',
      labelNames: ['topic'],
      registers,
    });
    this.consumed = new Counter({
      name: 'onewindow_events_consumed_total',
      help: 'Consumed events by outcome (processed, duplicate, dead_lettered, retried)',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'onewindow_dead_letters_total',
      help: 'Messages sent to the dead-letter topic, by reason',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.lag = new Gauge({
      name: 'onewindow_consumer_lag',
      help: 'Messages behind the end of each consumed partition',
      labelNames: ['topic', 'partition'],
      registers,
    });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  outboxBacklog(count: number): void {
    this.backlog.set(count);
  }

  outboxPublished(topic: string, count: number): void {
    this.published.inc({ topic }, count);
  }

  outboxRefused(topic: string): void {
    this.refused.inc({ topic });
  }

  eventConsumed(topic: string, outcome: ConsumeOutcome): void {
    this.consumed.inc({ topic, outcome });
  }

  deadLettered(topic: string, reason: string): void {
    this.deadLetters.inc({ topic, reason });
  }

  consumerLag(topic: string, partition: number, lag: number): void {
    this.lag.set({ topic, partition: String(partition) }, lag);
  }

  /** A gauge read when Prometheus scrapes (e.g. 1 while next year's calendar is missing). */
  addGauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  refreshBeforeScrape(refresh: () => Promise<void>): void {
    this.refreshers.push(refresh);
  }

  /** Refreshes what is read on demand (a slow or unreachable broker costs at most two seconds), then renders. */
  async render(): Promise<string> {
    await Promise.all(
      this.refreshers.map((refresh) =>
        withTimeout(refresh(), SCRAPE_REFRESH_TIMEOUT_MS).catch((error: unknown) =>
          this.logger.warn(`metrics refresh failed: ${error instanceof Error ? error.message : String(error)}`),
        ),
      ),
    );
    return this.registry.metrics();
  }
}

const SCRAPE_REFRESH_TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
