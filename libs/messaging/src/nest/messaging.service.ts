import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { deadLetterTopic, allTopics } from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { ServiceContext } from '../core/service-context';
import { TopicNaming, type EventConsumerServer, type EventPublisher } from '../core/messages';
import type { MessagingMetrics } from '../core/messaging-metrics';
import { ConsumerPipeline } from '../consumer/consumer-pipeline';
import type { EventHandler } from '../consumer/event-handler';
import { RetryPolicy } from '../consumer/retry-policy';
import { DeadLetterReplayer } from '../dead-letters/dead-letter-replayer';
import { InProcessEventServer } from '../in-process/in-process-event-server';
import { checkKafkaReachable, ensureKafkaTopics, fetchConsumerLag } from '../kafka/kafka-admin';
import { KafkaEventPublisher } from '../kafka/kafka-event-publisher';
import { BatchingKafkaServer } from '../kafka/kafka-event-server';
import { EventOutbox } from '../outbox/event-outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { EVENT_CONSUMER_METADATA } from './event-consumer.decorator';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/** How long one stage of a graceful shutdown may take before the process stops anyway. */
const DEFAULT_SHUTDOWN_STAGE_MS = 10_000;

/**
 * The service's side of the event backbone: outbox relay, consumer pipeline and the Nest
 * transport server (Kafka or in-process) that feeds it.
 */
@Injectable()
export class MessagingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  readonly naming: TopicNaming;
  readonly server: CustomTransportStrategy & EventConsumerServer;
  private readonly publisher: EventPublisher;
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
    const transport = options.transport;
    if (transport.kind === 'kafka') {
      this.publisher = new KafkaEventPublisher({ brokers: transport.brokers, clientId: `${options.service}-relay` });
      this.server = new BatchingKafkaServer({
        brokers: transport.brokers,
        clientId: `${options.service}-consumer`,
        groupId: this.naming.consumerGroup(options.service),
        ...(transport.partitionsConsumedConcurrently
          ? { partitionsConsumedConcurrently: transport.partitionsConsumedConcurrently }
          : {}),
        ...(options.consumerBatchSize ? { maxBatchSize: options.consumerBatchSize } : {}),
      });
    } else {
      this.publisher = transport.bus;
      this.server = new InProcessEventServer(transport.bus, this.naming.consumerGroup(options.service));
    }
    this.relay = new OutboxRelay({
      dataSource,
      publisher: this.publisher,
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
      (messages, heartbeat) => ServiceContext.run(this.options.service, () => pipeline.deliverBatch(messages, heartbeat).then(() => undefined)),
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
    return [...new Set([...produced, ...consumed, deadLetterTopic(this.options.service).name])].map((name) =>
      this.naming.physical(name),
    );
  }

  async ensureTopics(): Promise<void> {
    const transport = this.options.transport;
    if (transport.kind !== 'kafka') return;
    const created = await ensureKafkaTopics(transport.brokers, this.topicsToEnsure(), {
      partitions: transport.partitions ?? 3,
    });
    if (created.length > 0) this.logger.log(`Created topics: ${created.join(', ')}`);
  }

  startRelay(): void {
    ServiceContext.run(this.options.service, () => this.relay.start());
    const transport = this.options.transport;
    const pipeline = this.pipeline;
    this.metrics.refreshBeforeScrape?.(async () => {
      this.metrics.outboxBacklog(await this.relay.backlog());
      if (transport.kind !== 'kafka' || !pipeline || pipeline.topics.length === 0) return;
      const topics = pipeline.topics.map((t) => this.naming.physical(t));
      const lags = await fetchConsumerLag(transport.brokers, this.naming.consumerGroup(this.options.service), topics);
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
    const transport = this.options.transport;
    if (transport.kind !== 'kafka' || !this.pipeline || this.pipeline.topics.length === 0) return 0;
    const lags = await fetchConsumerLag(
      transport.brokers,
      this.naming.consumerGroup(this.options.service),
      this.pipeline.topics.map((topic) => this.naming.physical(topic)),
    );
    return lags.reduce((total, entry) => total + entry.lag, 0);
  }

  async checkBroker(): Promise<void> {
    const transport = this.options.transport;
    if (transport.kind === 'kafka') await checkKafkaReachable(transport.brokers);
  }

  /** Graceful shutdown: stop taking messages, finish the handler in flight, flush the outbox. */
  async beforeApplicationShutdown(): Promise<void> {
    // Each stage is bounded: with the broker unreachable, a client may retry for minutes, and
    // a process asked to stop must stop. What is not flushed stays in the outbox for next time.
    const limit = this.options.shutdownStageTimeoutMs ?? DEFAULT_SHUTDOWN_STAGE_MS;
    await this.boundedStage('closing the consumer', () => Promise.resolve(this.server.close()), limit);
    await this.boundedStage('finishing the handler in flight', () => this.pipeline?.whenIdle() ?? Promise.resolve(), limit);
    await this.boundedStage('flushing the outbox', () => this.relay.stop(Math.max(limit - 1_000, 500)), limit);
    if (this.publisher instanceof KafkaEventPublisher) {
      const publisher = this.publisher;
      await this.boundedStage('closing the producer', () => publisher.close(), limit);
    }
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
