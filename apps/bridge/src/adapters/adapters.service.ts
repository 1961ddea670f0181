import { Injectable } from '@nestjs/common';
import { Clock, isInScope, type AuthenticatedUser } from '@onewindow/platform';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { DeliveryWorker } from '../deliveries/delivery-worker';
import { ExchangeLogRepository } from '../exchange-log/exchange-log.repository';
import { AdapterConfigurationRepository } from './adapter-configuration.repository';
import { BridgeRuntime, type RunningAdapter } from './bridge-runtime';
import { countExchanges, reconciliationReport, type ExchangeCount, type ReconciliationCounts } from './reconciliation';
import { WebhookRefusalLog } from '../webhooks/webhook-refusal-log';
import type { AdapterHealthView, ReconciliationView, ResumedAdapterView } from './adapter.view';
import { BRIDGE_ERRORS } from '../bridge-errors';

/** Per-adapter health, pause/resume for maintenance, and the daily reconciliation. */
@Injectable()
export class AdaptersService {
  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly configuration: AdapterConfigurationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly exchanges: ExchangeLogRepository,
    private readonly worker: DeliveryWorker,
    private readonly clock: Clock,
    private readonly refusals: WebhookRefusalLog,
  ) {}

  async list(user: AuthenticatedUser): Promise<AdapterHealthView[]> {
    const adapters = this.runtime.adapters.filter((a) => isInScope(user, a.definition.department.code));
    return Promise.all(adapters.map((adapter) => this.healthOf(adapter)));
  }

  async get(user: AuthenticatedUser, id: string): Promise<AdapterHealthView> {
    return this.healthOf(this.find(user, id));
  }

  async pause(user: AuthenticatedUser, id: string, reason: string): Promise<AdapterHealthView> {
    const adapter = this.find(user, id);
    await this.configuration.pause(id, reason.trim(), { by: `${user.name}（${user.id}）`, at: this.clock.now() });
    return this.healthOf(adapter);
  }

  /** Resumes and sends what waited at once (the flush), instead of at the next pass. */
  async resume(user: AuthenticatedUser, id: string): Promise<ResumedAdapterView> {
    const adapter = this.find(user, id);
    await this.configuration.resume(id, { by: `${user.name}（${user.id}）`, at: this.clock.now() });
    const flushed = await this.worker.flush(id);
    return { ...(await this.healthOf(adapter)), flushed };
  }

  async reconciliation(user: AuthenticatedUser, id: string, date: string): Promise<ReconciliationView> {
    const adapter = this.find(user, id);
    // Refusals still counted in memory are written first, so the report counts them.
    await this.refusals.flush(true);
    const from = new Date(`${date}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const rows = await this.exchanges.countBetween(id, from, to);
    const pendingDeliveries = await this.deliveries.countWithStatus(id, 'pending');
    const awaitingResult = await this.deliveries.countAwaitingResult(id);
    const counts: ReconciliationCounts = {
      ...countExchanges(
        rows.map((r): ExchangeCount => ({ direction: r.direction, kind: r.kind, status: r.status, count: Number(r.count) })),
      ),
      pendingDeliveries,
      awaitingResult,
    };
    return { adapterId: id, date, counts, report: reconciliationReport(adapter.definition.name, date, counts) };
  }

  private find(user: AuthenticatedUser, id: string): RunningAdapter {
    const adapter = this.runtime.adapter(id);
    // Another department's adapter is answered as not found.
    if (!adapter || !isInScope(user, adapter.definition.department.code)) throw BRIDGE_ERRORS.ADAPTER_NOT_FOUND({ adapterId: id });
    return adapter;
  }

  private async healthOf(adapter: RunningAdapter): Promise<AdapterHealthView> {
    const id = adapter.definition.id;
    const state = await this.configuration.state(id);
    const [pending, failed] = await Promise.all([
      this.deliveries.countWithStatus(id, 'pending'),
      this.deliveries.countWithStatus(id, 'failed'),
    ]);
    const last = await this.exchanges.latest(id);
    const lastFailure = await this.exchanges.latest(id, ['retrying', 'dead-lettered', 'refused']);
    const lastSuccess = await this.exchanges.latest(id, ['sent', 'acknowledged', 'published', 'recorded']);
    const failing = lastFailure && (!lastSuccess || BigInt(lastFailure.seq) > BigInt(lastSuccess.seq));
    const unavailable = this.runtime.unavailable()[id] ?? null;
    return {
      id,
      name: adapter.definition.name,
      department: adapter.definition.department,
      outbound: adapter.definition.outbound?.transport.kind ?? null,
      inbound: adapter.inbound.map((i) => ({ kind: i.definition.kind, transport: i.definition.transport.kind })),
      status: state?.paused ? 'paused' : unavailable ? 'unavailable' : failing ? 'degraded' : 'up',
      unavailableReason: unavailable,
      paused: state?.paused ?? false,
      pausedReason: state?.paused ? state.pausedReason : null,
      pendingDeliveries: pending,
      failedDeliveries: failed,
      lastExchangeAt: last?.at.toISOString() ?? null,
      lastSuccessAt: lastSuccess?.at.toISOString() ?? null,
      lastFailure: lastFailure ? { at: lastFailure.at.toISOString(), status: lastFailure.status, detail: lastFailure.detail } : null,
    };
  }
}
