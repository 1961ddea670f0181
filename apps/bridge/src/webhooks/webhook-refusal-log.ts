import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Clock, MetricsService, PeriodicTask, type DomainError } from '@onewindow/platform';
import { Counter } from 'prom-client';
import { BRIDGE_ERRORS } from '../bridge-errors';
import { BridgeConfig } from '../bridge.config';
import { ExchangeLog } from '../exchange-log/exchange-log.service';
import { sha256 } from '../exchange-log/hash-chain';
import { refusalSummaryText, WebhookRefusals } from './webhook-refusals';

/**
 * Refused webhook calls: counted in metrics, rate-limited per adapter and source address, and
 * written to the hash-chained exchange log as at most a first row and a summary row per minute
 * (the summary's `attempts` is how many refusals it stands for).
 */
@Injectable()
export class WebhookRefusalLog implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookRefusals');
  private readonly refusals: WebhookRefusals;
  private readonly counter: Counter<'adapter' | 'code'>;
  private readonly task = new PeriodicTask('Webhook refusal summaries', () => this.flush(), this.logger);

  constructor(
    private readonly config: BridgeConfig,
    @Inject(MetricsService) metrics: MetricsService,
    private readonly log: ExchangeLog,
    private readonly clock: Clock,
  ) {
    this.refusals = new WebhookRefusals(config.webhookRefusalsPerMinute);
    this.counter = new Counter({
      name: 'onewindow_bridge_webhook_refusals_total',
      help: 'Webhook calls refused (bad signature, stale timestamp, replay, too many refusals), by adapter and code',
      labelNames: ['adapter', 'code'],
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    if (this.config.webhookRefusalSummaryMs > 0) this.task.start(this.config.webhookRefusalSummaryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await this.flush(true);
  }

  /** Throws 429 with Retry-After when this source has been refused too often in the last sixty seconds. */
  admit(adapterId: string, source: string, setRetryAfter: (seconds: number) => void): void {
    const admission = this.refusals.admit(adapterId, source, this.clock.now());
    if (admission.admitted) return;
    const refusal = BRIDGE_ERRORS.TOO_MANY_REFUSALS({ retryAfterSeconds: admission.retryAfterSeconds });
    this.counter.inc({ adapter: adapterId, code: refusal.code });
    setRetryAfter(admission.retryAfterSeconds);
    throw refusal;
  }

  /** Counts a refusal and logs it if it is the first of its minute; then throws the refusal. */
  async refuse(adapterId: string, kind: string, source: string, body: Buffer, refusal: DomainError): Promise<never> {
    const { code, message } = refusal;
    this.counter.inc({ adapter: adapterId, code });
    if (this.refusals.refused(adapterId, source, code, this.clock.now())) {
      await this.log.appendAlone({
        direction: 'inbound',
        adapterId,
        kind,
        reference: `webhook ${source}`,
        payloadHash: sha256(body),
        status: 'refused',
        detail: `${code}：${message}`,
      });
    }
    throw refusal;
  }

  /** Writes the summary rows due (every pending one with `everything`, e.g. before a reconciliation). */
  async flush(everything = false): Promise<void> {
    for (const summary of this.refusals.takeSummaries(this.clock.now(), everything)) {
      const detail = refusalSummaryText(summary);
      await this.log.appendAlone({
        direction: 'inbound',
        adapterId: summary.adapterId,
        kind: 'webhook',
        reference: `webhook ${summary.source}`,
        payloadHash: sha256(Buffer.from(detail, 'utf8')),
        status: 'refused',
        attempts: summary.count,
        detail,
      });
    }
  }
}
