/**
 * One contract, two transports: the in-process bus of the embedded default and a real Kafka
 * broker must behave the same for everything a service relies on.
 */
import { randomUUID } from 'node:crypto';
import { createEnvelope, deadLetterTopic, Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import { eventually, openTestSchema, testKafkaBrokers, uniqueTopicPrefix, type TestSchema } from '@onewindow/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  ConsumerPipeline,
  MESSAGING_MIGRATIONS,
  DeadLetter,
  DeadLetterReplayer,
  EventOutbox,
  InProcessEventBus,
  InProcessEventServer,
  KafkaEventPublisher,
  MESSAGING_ENTITIES,
  OutboxRelay,
  PermanentEventError,
  RetryPolicy,
  TopicNaming,
  KafkaEventServer,
  ensureKafkaTopics,
  type EventHandler,
  type EventPublisher,
  type HandlerContext,
  type OutgoingRecord,
} from './index';

@Entity({ name: 'received_event' })
class ReceivedEvent {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'application_id', type: 'text' })
  applicationId!: string;

  @Column({ type: 'int' })
  sequence!: number;
}

class CreateReceivedEvent1700000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(
      `CREATE TABLE "${schema}"."received_event" (id text PRIMARY KEY, application_id text NOT NULL, sequence serial NOT NULL)`,
    );
  }
  async down(): Promise<void> {}
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Records every accepted application it sees; can be told to fail for some applications. */
class RecordingHandler implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'approval.test-recorder';
  readonly topic = Topics.ApplicationAccepted;
  readonly failuresLeft = new Map<string, number>();
  readonly alwaysFail = new Set<string>();
  attempts = 0;

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx }: HandlerContext): Promise<void> {
    this.attempts += 1;
    const id = event.data.applicationId;
    if (this.alwaysFail.has(id)) throw new PermanentEventError(`application ${id} is refused by the test`);
    const left = this.failuresLeft.get(id) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(id, left - 1);
      throw new Error(`transient failure for ${id}`);
    }
    await tx.insert(ReceivedEvent, { id: event.id, applicationId: id });
  }
}

interface Harness {
  naming: TopicNaming;
  producerDb: TestSchema;
  consumerDb: TestSchema;
  producerOutbox: EventOutbox;
  producerRelay: OutboxRelay;
  consumerRelay: OutboxRelay;
  handler: RecordingHandler;
  pipeline: ConsumerPipeline;
  /** Publishes raw records straight to the transport, bypassing any outbox (malformed input, duplicates). */
  publishRaw(records: OutgoingRecord[]): Promise<void>;
  deadLetterTopicMessages(): Promise<number>;
  close(): Promise<void>;
}

type TransportKind = 'in-process' | 'kafka';

async function openHarness(kind: TransportKind): Promise<Harness> {
  const naming = new TopicNaming(uniqueTopicPrefix(`msg-${kind}`));
  const migrations = [...MESSAGING_MIGRATIONS, CreateReceivedEvent1700000000001];
  const entities = [...MESSAGING_ENTITIES, ReceivedEvent];
  const producerDb = await openTestSchema({ prefix: 'intake', entities, migrations });
  const consumerDb = await openTestSchema({ prefix: 'approval', entities, migrations });
  const producerOutbox = new EventOutbox('intake');
  const consumerOutbox = new EventOutbox('approval');
  const handler = new RecordingHandler();
  const pipeline = new ConsumerPipeline({
    service: 'approval',
    dataSource: consumerDb.dataSource,
    outbox: consumerOutbox,
    handlers: [handler],
    naming,
    retry: new RetryPolicy(3, 10, 50),
    logger: silent,
  });
  const topic = naming.physical(Topics.ApplicationAccepted.name);
  const dlq = naming.physical(deadLetterTopic('approval').name);

  let publisher: EventPublisher;
  let closeTransport: () => Promise<void>;
  let deadLetterTopicMessages: () => Promise<number>;
  if (kind === 'in-process') {
    const bus = new InProcessEventBus();
    const server = new InProcessEventServer(bus, naming.consumerGroup('approval'));
    server.consume([topic], (messages) => pipeline.deliverBatch(messages).then(() => undefined));
    let dlqCount = 0;
    bus.subscribe('dlq-watcher', [dlq], async (messages) => {
      dlqCount += messages.length;
    });
    await new Promise<void>((resolve) => server.listen(() => resolve()));
    publisher = bus;
    closeTransport = async () => server.close();
    deadLetterTopicMessages = async () => dlqCount;
  } else {
    const brokers = testKafkaBrokers();
    await ensureKafkaTopics(brokers, [topic, dlq], { partitions: 3 });
    const server = new KafkaEventServer({
      brokers,
      clientId: 'contract-test',
      groupId: naming.consumerGroup('approval'),
    });
    server.consume([topic], (messages, heartbeat) => pipeline.deliverBatch(messages, heartbeat).then(() => undefined));
    await new Promise<void>((resolve, reject) => {
      server.listen((error?: unknown) => (error ? reject(error) : resolve())).catch(reject);
    });
    const kafkaPublisher = new KafkaEventPublisher({ brokers, clientId: 'contract-test-producer' });
    let dlqCount = 0;
    const watcher: Consumer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: naming.consumerGroup('dlq-watcher'),
      maxWaitTimeInMs: 500,
    });
    await watcher.connect();
    await watcher.subscribe({ topic: dlq, fromBeginning: true });
    await watcher.run({
      eachMessage: async () => {
        dlqCount += 1;
      },
    });
    publisher = kafkaPublisher;
    closeTransport = async () => {
      await server.close();
      await watcher.disconnect();
      await kafkaPublisher.close();
    };
    deadLetterTopicMessages = async () => dlqCount;
  }

  const producerRelay = new OutboxRelay({
    dataSource: producerDb.dataSource,
    publisher,
    outbox: producerOutbox,
    service: 'intake',
    naming,
    pollIntervalMs: 50,
    logger: silent,
  });
  const consumerRelay = new OutboxRelay({
    dataSource: consumerDb.dataSource,
    publisher,
    outbox: consumerOutbox,
    service: 'approval',
    naming,
    pollIntervalMs: 50,
    logger: silent,
  });
  producerRelay.start();
  consumerRelay.start();
  return {
    naming,
    producerDb,
    consumerDb,
    producerOutbox,
    producerRelay,
    consumerRelay,
    handler,
    pipeline,
    publishRaw: (records) => publisher.publish(records),
    deadLetterTopicMessages,
    async close() {
      await producerRelay.stop(1_000);
      await consumerRelay.stop(1_000);
      await closeTransport();
      await producerDb.drop();
      await consumerDb.drop();
    },
  };
}

async function acceptApplications(harness: Harness, applications: ApplicationAcceptedV1[]): Promise<void> {
  for (const application of applications) {
    await harness.producerDb.dataSource.transaction((tx) => harness.producerOutbox.add(tx, Topics.ApplicationAccepted, application));
  }
}

async function received(harness: Harness): Promise<ReceivedEvent[]> {
  return harness.consumerDb.dataSource.getRepository(ReceivedEvent).find({ order: { sequence: 'ASC' } });
}

function rawRecord(harness: Harness, value: string, key: string = randomUUID()): OutgoingRecord {
  return { topic: harness.naming.physical(Topics.ApplicationAccepted.name), key, value, headers: {} };
}

describe.each<TransportKind>(['in-process', 'kafka'])('messaging over the %s transport', (kind) => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await openHarness(kind);
  });

  afterEach(async () => {
    await harness.close();
  });

  it('delivers every event from the outbox once, in order for each application', async () => {
    const first = anApplicationAccepted();
    const second = anApplicationAccepted();
    const events: ApplicationAcceptedV1[] = [];
    for (let i = 0; i < 10; i += 1) {
      events.push({ ...first, applicationNumber: `YC20260305${String(i).padStart(6, '0')}` });
      events.push({ ...second, applicationNumber: `YC20260306${String(i).padStart(6, '0')}` });
    }
    await acceptApplications(harness, events);

    const rows = await eventually(async () => {
      const all = await received(harness);
      expect(all).toHaveLength(20);
      return all;
    });
    const eventIds = await harness.producerDb.dataSource.query(
      `SELECT event_id, envelope->'data'->>'applicationId' AS application_id FROM "${harness.producerDb.schema}".outbox_message ORDER BY id`,
    );
    for (const applicationId of [first.applicationId, second.applicationId]) {
      const sent = eventIds
        .filter((r: { application_id: string }) => r.application_id === applicationId)
        .map((r: { event_id: string }) => r.event_id);
      const got = rows.filter((r) => r.applicationId === applicationId).map((r) => r.id);
      expect(got).toEqual(sent);
    }
    expect(await harness.producerRelay.backlog()).toBe(0);
  });

  it('gives an event delivered twice exactly one effect', async () => {
    const envelope = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });
    const record = rawRecord(harness, JSON.stringify(envelope), envelope.subject);
    await harness.publishRaw([record, record]);
    await harness.publishRaw([record]);
    await eventually(async () => expect(await received(harness)).toHaveLength(1));
    const follower = anApplicationAccepted();
    await acceptApplications(harness, [follower]);
    await eventually(async () => expect(await received(harness)).toHaveLength(2));
    expect((await received(harness)).filter((r) => r.id === envelope.id)).toHaveLength(1);
  });

  it('dead-letters malformed events with their reason and keeps processing the valid ones', async () => {
    const malformed = [
      'not json at all',
      '{"broken": ',
      '[]',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ ...createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' }), specversion: '0.3' }),
      JSON.stringify({
        ...createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' }),
        type: 'approval.case.decided.v1',
      }),
      JSON.stringify({ ...createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' }), time: 'yesterday' }),
      JSON.stringify(createEnvelope(Topics.ApplicationAccepted, { ...anApplicationAccepted(), parts: [] }, { service: 'intake' })),
      JSON.stringify(
        createEnvelope(Topics.ApplicationAccepted, { ...anApplicationAccepted(), channel: 'fax' as never }, { service: 'intake' }),
      ),
      JSON.stringify({ ...createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' }), id: undefined }),
    ];
    const valid = Array.from({ length: 10 }, () => anApplicationAccepted());
    const records: OutgoingRecord[] = [];
    valid.forEach((application, index) => {
      records.push(
        rawRecord(
          harness,
          JSON.stringify(createEnvelope(Topics.ApplicationAccepted, application, { service: 'intake' })),
          application.applicationId,
        ),
      );
      records.push(rawRecord(harness, malformed[index] as string));
    });
    await harness.publishRaw(records);

    await eventually(async () => expect(await received(harness)).toHaveLength(10));
    const letters = await eventually(async () => {
      const rows = await harness.consumerDb.dataSource.getRepository(DeadLetter).find();
      expect(rows).toHaveLength(10);
      return rows;
    });
    expect(letters.every((letter) => letter.reason === 'invalid-event')).toBe(true);
    expect(letters.map((l) => l.detail)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('specversion'),
        expect.stringContaining('type must be "intake.application.accepted.v1"'),
        expect.stringContaining('time'),
        expect.stringContaining('data.parts'),
        expect.stringContaining('data.channel'),
        expect.stringContaining('id is required'),
      ]),
    );
    expect(letters.map((l) => l.originalValue.toString('utf8'))).toEqual(expect.arrayContaining(['not json at all', '{"broken": ']));
    expect(letters.every((l) => l.originalTopic === Topics.ApplicationAccepted.name && l.originalOffset !== '')).toBe(true);
    await eventually(async () => expect(await harness.deadLetterTopicMessages()).toBe(10));
  });

  it('handles a batch holding a duplicate and a poison event: each good event once, the poison dead-lettered', async () => {
    const good = Array.from({ length: 10 }, () => anApplicationAccepted());
    const poison = anApplicationAccepted();
    harness.handler.alwaysFail.add(poison.applicationId);
    const envelopes = good.map((application) => createEnvelope(Topics.ApplicationAccepted, application, { service: 'intake' }));
    const records = envelopes.map((envelope) => rawRecord(harness, JSON.stringify(envelope), envelope.subject));
    const poisonEnvelope = createEnvelope(Topics.ApplicationAccepted, poison, { service: 'intake' });
    // One publish, so the consumer sees them together: the duplicate of the first event sits
    // in the same batch, and the poison event sits in the middle of it.
    records.splice(5, 0, rawRecord(harness, JSON.stringify(poisonEnvelope), poisonEnvelope.subject));
    records.push(records[0] as OutgoingRecord);
    await harness.publishRaw(records);

    const rows = await eventually(async () => {
      const all = await received(harness);
      expect(all).toHaveLength(10);
      return all;
    });
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(envelopes.map((envelope) => envelope.id)));
    const [letter] = await eventually(async () => {
      const letters = await harness.consumerDb.dataSource.getRepository(DeadLetter).find();
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter?.reason).toBe('handler-failed');
    expect(JSON.parse(letter?.originalValue.toString('utf8') ?? '{}').id).toBe(poisonEnvelope.id);
    expect(letter?.detail).toContain('is refused by the test');
    // A follower after the batch still arrives: the consumer carried on.
    await acceptApplications(harness, [anApplicationAccepted()]);
    await eventually(async () => expect(await received(harness)).toHaveLength(11));
    expect(await received(harness)).toHaveLength(11);
  });

  it('retries a transient failure and applies the effect once', async () => {
    const application = anApplicationAccepted();
    harness.handler.failuresLeft.set(application.applicationId, 2);
    await acceptApplications(harness, [application]);
    await eventually(async () => expect(await received(harness)).toHaveLength(1));
    expect(harness.handler.attempts).toBe(3);
    expect(await harness.consumerDb.dataSource.getRepository(DeadLetter).count()).toBe(0);
  });

  it('dead-letters a message that keeps failing, without blocking the ones behind it, and replays it after a fix', async () => {
    const poison = anApplicationAccepted();
    const behind = anApplicationAccepted({ applicationId: poison.applicationId });
    harness.handler.alwaysFail.add(poison.applicationId);
    await acceptApplications(harness, [poison]);
    const [letter] = await eventually(async () => {
      const rows = await harness.consumerDb.dataSource.getRepository(DeadLetter).find();
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(letter?.reason).toBe('handler-failed');
    expect(letter?.detail).toContain('is refused by the test');

    harness.handler.alwaysFail.clear();
    await acceptApplications(harness, [{ ...behind, applicationNumber: 'YC20260305999999' }]);
    await eventually(async () => expect(await received(harness)).toHaveLength(1));

    const replayer = new DeadLetterReplayer(harness.consumerDb.dataSource, harness.pipeline, silent);
    const results = await replayer.replay({});
    expect(results).toEqual([expect.objectContaining({ id: letter?.id, result: 'replayed' })]);
    expect(await received(harness)).toHaveLength(2);
    expect(await replayer.replay({})).toEqual([]);
  });

  it('retries a failing handler at most the configured number of times before dead-lettering', async () => {
    const application = anApplicationAccepted();
    harness.handler.failuresLeft.set(application.applicationId, 100);
    await acceptApplications(harness, [application]);
    const [letter] = await eventually(async () => {
      const rows = await harness.consumerDb.dataSource.getRepository(DeadLetter).find();
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(letter?.attempts).toBe(3);
    expect(letter?.detail).toContain('failed after 3 attempt(s): transient failure');
    expect(await received(harness)).toHaveLength(0);
  });
});

/** Kafka's default `message.max.bytes` (topic `max.message.bytes`): the largest record batch the broker takes. */
const BROKER_MAX_MESSAGE_BYTES = 1_048_588;

/** An accepted application whose envelope is `envelopeBytes` long: its form carries a long description. */
function anApplicationOfSize(envelopeBytes: number): ApplicationAcceptedV1 {
  const padded = (filler: string) =>
    anApplicationAccepted({ parts: [{ ...anApplicationAccepted().parts[0]!, form: { data: { 经营项目说明: filler }, fields: [] } }] });
  const base = Buffer.byteLength(JSON.stringify(createEnvelope(Topics.ApplicationAccepted, padded(''), { service: 'intake' })));
  return padded('x'.repeat(Math.max(0, envelopeBytes - base)));
}

describe('messages too large for the broker (Kafka)', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await openHarness('kafka');
  });

  afterEach(async () => {
    await harness.close();
  });

  it('dead-letters large poison messages with small dead-letter events, and the consumer outbox keeps flowing', async () => {
    // 600 KB of garbage each: the broker takes them one by one; their dead letters must not
    // carry them back, or forty of them make a batch the broker refuses for ever.
    const poison = Array.from({ length: 6 }, (_, i) => rawRecord(harness, `{"garbage": "${String(i).repeat(600_000)}`));
    for (const record of poison) await harness.publishRaw([record]);
    const follower = anApplicationAccepted();
    await acceptApplications(harness, [follower]);

    await eventually(async () => expect((await received(harness)).map((r) => r.applicationId)).toEqual([follower.applicationId]), {
      timeoutMs: 60_000,
    });
    const letters = await eventually(async () => {
      const rows = await harness.consumerDb.dataSource.getRepository(DeadLetter).find();
      expect(rows).toHaveLength(6);
      return rows;
    });
    expect(letters.every((letter) => letter.reason === 'invalid-event')).toBe(true);
    await eventually(async () => expect(await harness.deadLetterTopicMessages()).toBe(6), { timeoutMs: 60_000 });
    expect(await harness.consumerRelay.backlog()).toBe(0);
    expect(harness.consumerRelay.refusedRows()).toBe(0);
    const [event] = (await harness.consumerDb.dataSource.query(
      `SELECT envelope FROM "${harness.consumerDb.schema}".outbox_message ORDER BY id LIMIT 1`,
    )) as Array<{ envelope: { data: Record<string, unknown> } }>;
    expect(event?.envelope.data).toEqual(
      expect.objectContaining({
        originalSize: 600_013,
        originalSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        originalExcerptTruncated: true,
      }),
    );
    expect(JSON.stringify(event?.envelope).length).toBeLessThan(8_000);
  });

  it('sets aside an outbox row the broker refuses, publishes the borderline one, and the next event is consumed', async () => {
    const tooLarge = anApplicationOfSize(2 * 1024 * 1024);
    const justUnder = anApplicationOfSize(BROKER_MAX_MESSAGE_BYTES - 2_000);
    const justOver = anApplicationOfSize(BROKER_MAX_MESSAGE_BYTES + 100);
    const next = anApplicationAccepted();
    await acceptApplications(harness, [tooLarge, justUnder, justOver, next]);

    await eventually(
      async () => expect((await received(harness)).map((r) => r.applicationId)).toEqual([justUnder.applicationId, next.applicationId]),
      { timeoutMs: 60_000 },
    );
    const rows = (await harness.producerDb.dataSource.query(
      `SELECT envelope->'data'->>'applicationId' AS application_id, published_at IS NOT NULL AS published, failure_reason
         FROM "${harness.producerDb.schema}".outbox_message ORDER BY id`,
    )) as Array<{ application_id: string; published: boolean; failure_reason: string | null }>;
    expect(rows).toEqual([
      { application_id: tooLarge.applicationId, published: false, failure_reason: expect.stringContaining('MESSAGE_TOO_LARGE') },
      { application_id: justUnder.applicationId, published: true, failure_reason: null },
      { application_id: justOver.applicationId, published: false, failure_reason: expect.stringContaining('MESSAGE_TOO_LARGE') },
      { application_id: next.applicationId, published: true, failure_reason: null },
    ]);
    expect(harness.producerRelay.refusedRows()).toBe(2);
    expect(await harness.producerRelay.backlog()).toBe(0);
    expect(await harness.producerRelay.countRefused()).toBe(2);
  });
});

describe.each<TransportKind>(['in-process', 'kafka'])('a NUL byte over the %s transport', (kind) => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await openHarness(kind);
  });

  afterEach(async () => {
    await harness.close();
  });

  it('dead-letters a message holding 0x00 and handles the valid event behind it on the same partition', async () => {
    const follower = anApplicationAccepted();
    const envelope = createEnvelope(Topics.ApplicationAccepted, follower, { service: 'intake' });
    // Same key, so the same partition, in this order: the NUL message is in front of the valid one.
    await harness.publishRaw([
      rawRecord(harness, '\u0000', envelope.subject),
      rawRecord(harness, `{"id":"a\u0000b","data":{"applicantName":"聊城\u0000"}}`, envelope.subject),
      rawRecord(harness, JSON.stringify(envelope), envelope.subject),
    ]);

    await eventually(async () => expect((await received(harness)).map((r) => r.applicationId)).toEqual([follower.applicationId]));
    const letters = await eventually(async () => {
      const rows = await harness.consumerDb.dataSource.getRepository(DeadLetter).find({ order: { originalOffset: 'ASC' } });
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(letters.map((letter) => letter.originalValue.toString('utf8')).sort()).toEqual(
      ['\u0000', `{"id":"a\u0000b","data":{"applicantName":"聊城\u0000"}}`].sort(),
    );
    expect(letters.every((letter) => letter.reason === 'invalid-event' && !letter.detail.includes('\u0000'))).toBe(true);
    await eventually(async () => expect(await harness.deadLetterTopicMessages()).toBe(2));
    expect(await harness.consumerRelay.backlog()).toBe(0);
  });
});
