import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RetryPolicy } from '@onewindow/messaging';
import { Clock, PeriodicTask } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { AdapterConfigurationRepository } from '../adapters/adapter-configuration.repository';
import { BridgeRuntime, type RunningAdapter } from '../adapters/bridge-runtime';
import { TransportError } from '../adapters/transport';
import { BridgeConfig } from '../bridge.config';
import { BRIDGE_METRICS, type BridgeMetrics } from '../exchange-log/bridge-metrics';
import { DeadLetters } from '../exchange-log/dead-letters.service';
import { ExchangeLog } from '../exchange-log/exchange-log.service';
import { sha256 } from '../exchange-log/hash-chain';
import { InboundProcessor } from '../inbound/inbound-processor';
import { mappingProblems } from '../inbound/inbound-payloads';
import type { DeliveryKind, DepartmentDelivery } from './department-delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { UNROUTED_SUPPLEMENT } from './supplement-payload';

/** The longest wait between two attempts to reach a department system. */
const MAX_DELIVERY_BACKOFF_MS = 15 * 60_000;

const BATCH = 20;

/**
 * Moves data both ways on a timer: sends due deliveries through each adapter's outbound transport
 * (retries with exponential backoff, then a dead letter) and reads each polled inbound source
 * (files, tables). A paused adapter is skipped: its deliveries wait, its files and rows stay.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly task = new PeriodicTask('Bridge worker pass', () => this.runOnce(), this.logger);
  private readonly flushing = new Map<string, Promise<number>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly configuration: AdapterConfigurationRepository,
    private readonly runtime: BridgeRuntime,
    private readonly inbound: InboundProcessor,
    private readonly log: ExchangeLog,
    private readonly deadLetters: DeadLetters,
    private readonly clock: Clock,
    private readonly config: BridgeConfig,
    @Inject(BRIDGE_METRICS) private readonly metrics: BridgeMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.routeWaitingDeliveries();
    this.task.start(this.config.pollIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await Promise.all(this.flushing.values());
    await this.runtime.stop();
  }

  /**
   * Parts that arrived while no adapter took their item (a system not connected yet) wait
   * unrouted; once the configuration has an adapter for them, they go to it.
   */
  async routeWaitingDeliveries(): Promise<number> {
    let routed = 0;
    for (const adapter of this.runtime.adapters) {
      if (!adapter.outbound) continue;
      const { department, itemCodes, id } = adapter.definition;
      const kinds: DeliveryKind[] = adapter.outbound.supplement
        ? ['application', 'correction', 'supplement']
        : ['application', 'correction'];
      routed += await this.deliveries.route(id, { departmentCode: department.code, kinds, ...(itemCodes ? { itemCodes } : {}) });
    }
    if (routed > 0) this.logger.log(`${routed} waiting deliveries routed to newly configured adapters`);
    return routed;
  }

  /** One pass over every adapter that is not paused. */
  async runOnce(): Promise<void> {
    const paused = await this.configuration.pausedAdapterIds();
    for (const adapter of this.runtime.adapters) {
      if (paused.has(adapter.definition.id)) continue;
      await this.flush(adapter.definition.id).catch((error: Error) => this.logger.warn(`${adapter.definition.id}: ${error.message}`));
      await this.readInbound(adapter).catch((error: Error) => this.logger.warn(`${adapter.definition.id}: ${error.message}`));
    }
  }

  /** Sends every due delivery of one adapter now (also on resume); the number sent or settled. */
  flush(adapterId: string): Promise<number> {
    const existing = this.flushing.get(adapterId);
    if (existing) return existing;
    const adapter = this.runtime.adapter(adapterId);
    if (!adapter?.outbound) return Promise.resolve(0);
    // A transport that cannot work now (no chromium): its deliveries wait as they are, none is tried or lost.
    if (adapter.outbound.transport.unavailable?.()) return Promise.resolve(0);
    const run = this.sendDue(adapter).finally(() => this.flushing.delete(adapterId));
    this.flushing.set(adapterId, run);
    return run;
  }

  private async sendDue(adapter: RunningAdapter): Promise<number> {
    let settled = 0;
    // A transport that can send several at once (a pool of browser contexts) gets as many senders; each claims its own delivery.
    const senders = Math.max(1, adapter.outbound?.transport.concurrency ?? 1);
    const sender = async () => {
      for (;;) {
        const delivery = await this.claim(adapter.definition.id);
        if (!delivery) return;
        await this.send(adapter, delivery);
        settled += 1;
      }
    };
    await Promise.all(Array.from({ length: senders }, sender));
    return settled;
  }

  /** Takes the oldest due delivery and leases it, so another instance does not send it meanwhile. */
  private claim(adapterId: string): Promise<DepartmentDelivery | null> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const delivery = await this.deliveries.lockOldestDue(tx, adapterId, now);
      if (!delivery) return null;
      delivery.attempts += 1;
      delivery.nextAttemptAt = new Date(now.getTime() + this.config.sendLeaseMs);
      await this.deliveries.save(tx, delivery);
      return delivery;
    });
  }

  private async send(adapter: RunningAdapter, delivery: DepartmentDelivery): Promise<void> {
    const definition = adapter.definition.outbound as NonNullable<RunningAdapter['definition']['outbound']>;
    // A supplement goes through its own mapping (and transport, if configured; the configuration may have dropped it since);
    // a correction is the part again, through the outbound mapping.
    const outbound = delivery.kind === 'supplement' ? adapter.outbound?.supplement : adapter.outbound;
    if (!outbound) {
      await this.deliveries.update(delivery.id, { adapterId: null, nextAttemptAt: null, lastError: UNROUTED_SUPPLEMENT });
      return;
    }
    const started = performance.now();
    const payloadText = JSON.stringify(delivery.payload);
    const base = {
      direction: 'outbound' as const,
      adapterId: adapter.definition.id,
      kind: delivery.kind === 'application' ? 'delivery' : delivery.kind,
      applicationNumber: delivery.applicationNumber,
      reference: delivery.id,
      payloadHash: sha256(payloadText),
    };
    const mapped = outbound.mapping.map(delivery.payload);
    if (!mapped.ok) {
      await this.dataSource.transaction(async (tx) => {
        await this.deliveries.update(
          delivery.id,
          { status: 'failed', nextAttemptAt: null, lastError: mapped.errors.map((e) => e.message).join('；') },
          tx,
        );
        await this.deadLetters.record(tx, {
          ...base,
          direction: 'outbound',
          reference: delivery.id,
          payload: payloadText,
          problems: mappingProblems(mapped.errors),
          attempts: delivery.attempts,
          durationMs: Math.round(performance.now() - started),
        });
      });
      this.metrics.exchanged(adapter.definition.id, 'outbound', 'dead-lettered');
      return;
    }
    try {
      const receipt = await outbound.transport.send(mapped.value, {
        deliveryId: delivery.id,
        applicationNumber: delivery.applicationNumber,
      });
      const status = receipt.acknowledged ? 'acknowledged' : 'sent';
      await this.dataSource.transaction(async (tx) => {
        await this.deliveries.update(
          delivery.id,
          {
            status,
            sentAt: this.clock.now(),
            nextAttemptAt: null,
            lastError: null,
            externalReference: receipt.reference ?? null,
            ...(receipt.caseNumber && delivery.kind === 'application' ? { departmentCaseNumber: receipt.caseNumber } : {}),
          },
          tx,
        );
        await this.log.append(tx, {
          ...base,
          payloadHash: sha256(JSON.stringify(mapped.value)),
          status,
          attempts: delivery.attempts,
          durationMs: Math.round(performance.now() - started),
          detail: receipt.reference ? `部门系统编号 ${receipt.reference}` : null,
        });
      });
      this.metrics.exchanged(adapter.definition.id, 'outbound', status);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof TransportError) || error.retryable;
      const exhausted = delivery.attempts >= definition.maxAttempts;
      await this.dataSource.transaction(async (tx) => {
        if (retryable && !exhausted) {
          // The messaging lib's back-off: exponential with jitter, capped, so a long outage never waits days (or past Date's range).
          const wait = new RetryPolicy(
            definition.maxAttempts,
            definition.backoffMs,
            Math.max(definition.backoffMs, MAX_DELIVERY_BACKOFF_MS),
          ).delayAfter(delivery.attempts);
          await this.deliveries.update(delivery.id, { nextAttemptAt: new Date(this.clock.now().getTime() + wait), lastError: message }, tx);
          await this.log.append(tx, {
            ...base,
            status: 'retrying',
            attempts: delivery.attempts,
            durationMs: Math.round(performance.now() - started),
            detail: `${message}；${wait} 毫秒后重试`,
          });
          return;
        }
        await this.deliveries.update(delivery.id, { status: 'failed', nextAttemptAt: null, lastError: message }, tx);
        await this.deadLetters.record(tx, {
          ...base,
          direction: 'outbound',
          reference: delivery.id,
          payload: payloadText,
          problems: [
            {
              ...(error instanceof TransportError && error.field ? { field: error.field } : {}),
              ...(error instanceof TransportError && error.rule ? { rule: error.rule } : {}),
              code: error instanceof TransportError ? error.code : 'transport_failed',
              message: exhausted && retryable ? `已尝试 ${delivery.attempts} 次仍失败：${message}` : message,
            },
          ],
          attempts: delivery.attempts,
          durationMs: Math.round(performance.now() - started),
        });
      });
      this.metrics.exchanged(adapter.definition.id, 'outbound', retryable && !exhausted ? 'retrying' : 'dead-lettered');
    }
  }

  private async readInbound(adapter: RunningAdapter): Promise<void> {
    for (const inbound of adapter.inbound) {
      if (!inbound.source) continue;
      const items = await inbound.source.poll(BATCH);
      for (const item of items) {
        const outcomes = await this.inbound.process(adapter, inbound, item);
        await item.done(!item.decoded.ok || outcomes.every((o) => o.status === 'dead-lettered') ? 'failed' : 'processed');
      }
    }
  }
}
