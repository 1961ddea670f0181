import { randomBytes } from 'node:crypto';
import { createEnvelope, SERVICES, type ServiceName, type TopicDefinition } from '@onewindow/contracts';
import { schemaOf } from '@onewindow/persistence';
import {
  InProcessEventBus,
  KafkaEventPublisher,
  TopicNaming,
  type EventPublisher,
  type MessagingService,
  type OutgoingRecord,
} from '@onewindow/messaging';
import { Client } from 'pg';
import { loadConfig, startService, SystemClock, type Clock, type RunningService } from '@onewindow/platform';
import { loadServiceDefinitions, type PlatformServiceName } from '../service-registry';

/** A running service that publishes and consumes events. */
export type EventService = RunningService & { messaging: MessagingService };

/** What a suite starts unless it names the services: the four with events (identity on request). */
const DEFAULT_SERVICES: readonly PlatformServiceName[] = SERVICES;

export interface TestPlatform {
  services: Record<ServiceName, EventService> & { identity: RunningService };
  urls: Record<PlatformServiceName, string>;
  /** The clock every service decides by: the suite's own, or the system's. "Today" in a test is its day. */
  clock: Clock;
  /** Starts one service again (after `stop()`), with the same schema and topics. */
  restart(name: PlatformServiceName): Promise<RunningService>;
  /** Puts records straight on the transport, past every outbox (malformed input, duplicates). Topics are logical names. */
  publishRaw(records: OutgoingRecord[]): Promise<void>;
  /** The topic as it is named on the broker for this platform (with its test prefix). */
  physicalTopic(logical: string): string;
  /** Publishes a valid event as its producer would, past every outbox; returns the event id. */
  publishEvent<T extends object>(topic: TopicDefinition<T>, data: T): Promise<string>;
  /** A query in a service's schema: `$schema` in the SQL names it. */
  query<R = Record<string, unknown>>(service: PlatformServiceName, sql: string, params?: unknown[]): Promise<R[]>;
  /** How many events of a topic with this key a service has written to its outbox. */
  outboxCount(service: ServiceName, topic: string, key: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The four services in the test process, each in its own throwaway schema of the test
 * PostgreSQL, on real Kafka (unique topic prefix and consumer groups) or on the in-process bus.
 */
export async function startServicesForTest(options: {
  label: string;
  databaseUrl: string;
  kafkaBrokers?: string;
  /** Default: intake, approval, supervision and bridge. */
  only?: PlatformServiceName[];
  env?: Record<string, string>;
  /** One clock for every service, so a test can move time (deadlines, escalations). */
  clock?: Clock;
}): Promise<TestPlatform> {
  const suffix = randomBytes(3).toString('hex');
  const naming = new TopicNaming(`t${suffix}-${options.label}.`);
  const bus = options.kafkaBrokers ? undefined : new InProcessEventBus();
  const wanted = options.only ?? DEFAULT_SERVICES;
  const clock = options.clock ?? new SystemClock();
  const definitions = loadServiceDefinitions().filter((d) => wanted.includes(d.name));
  const configs = new Map(
    definitions.map((definition) => [
      definition.name,
      loadConfig(definition.configClass, {
        env: {},
        overrides: {
          NODE_ENV: 'test',
          HTTP_PORT: '0',
          DATABASE_URL: options.databaseUrl,
          DATABASE_SCHEMA: `t_${definition.name}_${suffix}`,
          DATABASE_POOL_SIZE: '5',
          EVENT_BUS: bus ? 'in-process' : 'kafka',
          ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
          KAFKA_TOPIC_PREFIX: naming.prefix,
          LOG_LEVEL: 'error',
          OUTBOX_POLL_INTERVAL_MS: '50',
          CONSUMER_RETRY_BASE_MS: '20',
          SEED_DEMO_DATA: 'true',
          ...(definition.name === 'bridge' ? { BRIDGE_DEMO_SYSTEMS: 'true' } : {}),
          ...options.env,
        },
      }),
    ]),
  );
  let rawPublisher: (EventPublisher & { close?: () => Promise<void> }) | undefined;
  const running = new Map<string, RunningService>();
  const start = async (name: PlatformServiceName) => {
    const definition = definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`No service ${name}`);
    const service = await startService(definition, {
      config: configs.get(name) as never,
      ...(bus ? { bus, deferRelay: true } : {}),
      seedDemoData: true,
      clock,
    });
    running.set(name, service);
    return service;
  };
  try {
    for (const definition of definitions) await start(definition.name);
  } catch (error) {
    // Leave nothing running behind a failed start: the suite fails at once instead of hanging.
    for (const service of [...running.values()].reverse()) await service.stop().catch(() => undefined);
    throw error;
  }
  if (bus) running.forEach((service) => service.startRelay());
  const get = (name: PlatformServiceName) => running.get(name) as EventService;
  const platform: TestPlatform = {
    get services() {
      return {
        intake: get('intake'),
        approval: get('approval'),
        supervision: get('supervision'),
        bridge: get('bridge'),
        identity: get('identity'),
      };
    },
    clock,
    get urls() {
      return {
        intake: get('intake')?.url,
        approval: get('approval')?.url,
        supervision: get('supervision')?.url,
        bridge: get('bridge')?.url,
        identity: get('identity')?.url,
      };
    },
    async restart(name) {
      const service = await start(name);
      if (bus) service.startRelay();
      return service;
    },
    async publishRaw(records) {
      rawPublisher ??= bus ?? new KafkaEventPublisher({ brokers: (options.kafkaBrokers ?? '').split(','), clientId: 'test-raw' });
      await rawPublisher.publish(records.map((record) => ({ ...record, topic: naming.physical(record.topic) })));
    },
    physicalTopic: (logical) => naming.physical(logical),
    async publishEvent(topic, data) {
      const envelope = createEnvelope(topic, data, { service: topic.producer });
      await platform.publishRaw([{ topic: topic.name, key: topic.keyOf(data), value: JSON.stringify(envelope), headers: {} }]);
      return envelope.id;
    },
    async query(service, sql, params = []) {
      const dataSource = (running.get(service) as RunningService).dataSource;
      return dataSource.query(sql.replaceAll('$schema', `"${schemaOf(dataSource)}"`), params);
    },
    async outboxCount(service, topic, key) {
      const [row] = await platform.query<{ count: number }>(
        service,
        'SELECT count(*)::int AS count FROM $schema.outbox_message WHERE topic = $1 AND message_key = $2',
        [topic, key],
      );
      return row?.count ?? 0;
    },
    async stop() {
      if (rawPublisher instanceof KafkaEventPublisher) await rawPublisher.close();
      for (const service of [...running.values()].reverse()) await service.stop();
      const client = new Client({ connectionString: options.databaseUrl });
      await client.connect();
      try {
        for (const config of configs.values()) await client.query(`DROP SCHEMA IF EXISTS "${config.databaseSchema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
  return platform;
}
