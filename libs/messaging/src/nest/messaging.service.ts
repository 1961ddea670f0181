import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { deadLetterTopic, allTopics } from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { ServiceContext } from '../core/service-context';
import type { EventTransport, PartitionLag } from '../core/event-transport';
import { TopicNaming, type EventConsumerServer } from '../core/messages';
import type { MessagingMetrics } from '../core/messaging-metrics';
import { ConsumerPipeline } from '../consumer/consumer-pipeline';
import type { EventHandler } from '../consumer/event-handler';
import { RetryPolicy } from '../consumer/retry-policy';
import { DeadLetterReplayer } from '../dead-letters/dead-letter-replayer';
import { EventOutbox } from '../outbox/event-outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { EVENT_CONSUMER_METADATA } from './event-consumer.decorator';
import { createEventTransport } from './event-transport.factory';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/** How long one stage of a graceful shutdown may take before the process stops anyway. */
const DEFAULT_SHUTDOWN_STAGE_MS = 10_000;

/**
 * The service's side of the event backbone: discovers the event handlers and wires the outbox
 * relay and the consumer pipeline to the configured transport (Kafka or in-process), which it
 * knows only through `EventTransport`.
 */
@Injectable()
export class MessagingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  readonly naming: TopicNaming;
  private readonly transport: EventTransport;
  private readonly relay: OutboxRelay;
  private pipeline: ConsumerPipeline | null = null;
  private replayerInstance: DeadLetterReplayer | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    readonly outbox: EventOutbox,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    @Inject(MESSAGING_METRICS) private readonly metrics: MessagingMetrics,
  ) {
    this.logger = new Logger(`Messaging:${options.service}`);
    this.naming = new TopicNaming(options.transport.topicPrefix ?? '');
    this.transport = createEventTransport(options, this.naming);
    this.relay = new OutboxRelay({
      dataSource,
      publisher: this.transport.publisher,
      outbox,
      service: options.service,
      naming: this.naming,
      logger: this.logger,
      metrics,
      ...(options.outbox?.batchSize ? { batchSize: options.outbox.batchSize } : {}),
      ...(options.outbox?.pollIntervalMs ? { pollIntervalMs: options.outbox.pollIntervalMs } : {}),
      ...(options.outbox?.leaseMs ? { leaseMs: options.outbox.leaseMs } : {}),
      ...(options.outbox?.maxBatchBytes ? { maxBatchBytes: options.outbox.maxBatchBytes } : {}),
    });
  }

  /** The Nest transport strategy that feeds consumed batches to the pipeline (connected by the service's start). */
  get server(): CustomTransportStrategy & EventConsumerServer {
    return this.transport.server;
  }

  onApplicationBootstrap(): void {
    const handlers = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && Reflect.getMetadata(EVENT_CONSUMER_METADATA, wrapper.metatype))
      .map((wrapper) => wrapper.instance as EventHandler)
      .filter((instance): instance is EventHandler => Boolean(instance));
    const retry = new RetryPolicy(
      this.options.retry?.maxAttempts ?? 5,
      this.options.retry?.baseDelayMs ?? 200,
      this.options.retry?.maxDelayMs ?? 5_000,
    );
    const pipeline = new ConsumerPipeline({
      service: this.options.service,
      dataSource: this.dataSource,
      outbox: this.outbox,
      handlers,
      naming: this.naming,
      retry,
      logger: this.logger,
      metrics: this.metrics,
    });
    this.pipeline = pipeline;
    this.replayerInstance = new DeadLetterReplayer(this.dataSource, pipeline, this.logger);
    this.server.consume(
      pipeline.topics.map((topic) => this.naming.physical(topic)),
      (messages, heartbeat) =>
        ServiceContext.run(this.options.service, () => pipeline.deliverBatch(messages, heartbeat).then(() => undefined)),
    );
    this.logger.log(
      `${handlers.length} event handler(s) on ${pipeline.topics.length} topic(s): ${handlers.map((h) => h.name).join(', ') || 'none'}`,
    );
  }

  /** Topics this service publishes or consumes, physical names; Kafka needs them created up front. */
  topicsToEnsure(): string[] {
    const produced = allTopics()
      .filter((topic) => topic.producer === this.options.service)
      .map((topic) => topic.name);
    const consumed = this.pipeline?.topics ?? [];
    return [...new Set([...produced, ...consumed, deadLetterTopic(this.options.service).name])].map((name) => this.naming.physical(name));
  }

  async ensureTopics(): Promise<void> {
    const created = await this.transport.ensureTopics(this.topicsToEnsure());
    if (created.length > 0) this.logger.log(`Created topics: ${created.join(', ')}`);
  }

  startRelay(): void {
    ServiceContext.run(this.options.service, () => this.relay.start());
    this.metrics.refreshBeforeScrape?.(async () => {
      this.metrics.outboxBacklog(await this.relay.backlog());
      const lags = await this.partitionLags();
      lags.forEach((l) => this.metrics.consumerLag(this.naming.logical(l.topic), l.partition, l.lag));
    });
  }

  get replayer(): DeadLetterReplayer {
    if (!this.replayerInstance) throw new Error('Messaging is not bootstrapped yet');
    return this.replayerInstance;
  }

  /** Publishes whatever is in the outbox now (tests and the demo use it to avoid waiting for a poll). */
  async flushOutbox(): Promise<number> {
    let total = 0;
    for (let sent = await this.relay.drainOnce(); sent > 0; sent = await this.relay.drainOnce()) total += sent;
    return total;
  }

  outboxBacklog(): Promise<number> {
    return this.relay.backlog();
  }

  /** Outbox rows the broker refused and the relay set aside (as last counted); each needs an operator. */
  outboxRefusedRows(): number {
    return this.relay.refusedRows();
  }

  /** Counts the set-aside rows from the table again. */
  countOutboxRefusedRows(): Promise<number> {
    return this.relay.countRefused();
  }

  /** Messages behind the end of every consumed partition (0 on the in-process bus, which delivers synchronously). */
  async consumerLag(): Promise<number> {
    const lags = await this.partitionLags();
    return lags.reduce((total, entry) => total + entry.lag, 0);
  }

  checkBroker(): Promise<void> {
    return this.transport.checkReachable();
  }

  private partitionLags(): Promise<PartitionLag[]> {
    const topics = (this.pipeline?.topics ?? []).map((topic) => this.naming.physical(topic));
    return this.transport.consumerLag(this.naming.consumerGroup(this.options.service), topics);
  }

  /** Graceful shutdown: stop taking messages, finish the handler in flight, flush the outbox. */
  async beforeApplicationShutdown(): Promise<void> {
    // Each stage is bounded: with the broker unreachable, a client may retry for minutes, and
    // a process asked to stop must stop. What is not flushed stays in the outbox for next time.
    const limit = this.options.shutdownStageTimeoutMs ?? DEFAULT_SHUTDOWN_STAGE_MS;
    await this.boundedStage('closing the consumer', () => Promise.resolve(this.server.close()), limit);
    await this.boundedStage('finishing the handler in flight', () => this.pipeline?.whenIdle() ?? Promise.resolve(), limit);
    await this.boundedStage('flushing the outbox', () => this.relay.stop(Math.max(limit - 1_000, 500)), limit);
    await this.boundedStage('closing the producer', () => this.transport.closePublisher(), limit);
  }

  private async boundedStage(stage: string, work: () => Promise<unknown>, limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), limitMs);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([work().then(() => 'done' as const), timedOut]);
      if (outcome === 'timed-out') this.logger.warn(`Shutdown: gave up ${stage} after ${limitMs} ms`);
    } catch (error) {
      this.logger.warn(`Shutdown: ${stage} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
