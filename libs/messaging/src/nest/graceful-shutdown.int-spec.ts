/**
 * Graceful shutdown over a real Kafka broker and PostgreSQL: a stopping service finishes the
 * handler in flight (its effect and its outbox rows commit) and publishes what its outbox still
 * holds before it lets go.
 */
import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplication } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { createEnvelope, Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import { eventually, openTestSchema, testKafkaBrokers, uniqueTopicPrefix, type TestSchema } from '@onewindow/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TopicNaming } from '../core/messages';
import type { EventHandler, HandlerContext } from '../consumer/event-handler';
import { KafkaEventPublisher } from '../kafka/kafka-event-publisher';
import { EventOutbox } from '../outbox/event-outbox';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../index';
import { EventConsumer } from './event-consumer.decorator';
import { MessagingModule } from './messaging.module';
import { MessagingService } from './messaging.service';

/** Opens a case for each accepted application, but only when the test opens the gate. */
@EventConsumer()
class GatedCaseOpener implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'approval.gated-case-opener';
  readonly topic = Topics.ApplicationAccepted;
  static started: () => void = () => undefined;
  static gate: Promise<void> = Promise.resolve();
  static finished = 0;

  constructor(private readonly outbox: EventOutbox) {}

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx, cause }: HandlerContext): Promise<void> {
    GatedCaseOpener.started();
    await GatedCaseOpener.gate;
    const part = event.data.parts[0];
    if (!part) throw new Error('no part');
    await this.outbox.add(
      tx,
      Topics.CaseOpened,
      {
        applicationId: event.data.applicationId,
        partId: part.partId,
        caseId: randomUUID(),
        department: part.department,
        deadline: part.promisedDeadline,
        openedAt: new Date().toISOString(),
      },
      cause,
    );
    GatedCaseOpener.finished += 1;
  }
}

describe('a stopping service', () => {
  let db: TestSchema;
  let naming: TopicNaming;
  let app: INestApplication | undefined;
  let watcher: Consumer;
  const opened: string[] = [];

  beforeEach(async () => {
    db = await openTestSchema({ prefix: 'approval_shutdown', entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
    naming = new TopicNaming(uniqueTopicPrefix('shutdown'));
    opened.length = 0;
    GatedCaseOpener.finished = 0;
    app = await startApprovalLike(db.dataSource, naming);
    watcher = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).consumer({
      groupId: naming.consumerGroup('watcher'),
      maxWaitTimeInMs: 200,
    });
    await watcher.connect();
    await watcher.subscribe({ topic: naming.physical(Topics.CaseOpened.name), fromBeginning: true });
    await watcher.run({
      eachMessage: async ({ message }) => {
        opened.push((JSON.parse(String(message.value)) as EventEnvelope<{ applicationId: string }>).data.applicationId);
      },
    });
  });

  afterEach(async () => {
    await app?.close();
    await watcher.disconnect();
    await db.drop();
  });

  it('finishes the handler in flight before it stops, and publishes what that handler wrote', async () => {
    let openGate: () => void = () => undefined;
    GatedCaseOpener.gate = new Promise<void>((resolve) => (openGate = resolve));
    const handlerStarted = new Promise<void>((resolve) => (GatedCaseOpener.started = resolve));
    const accepted = anApplicationAccepted();
    await publishRaw(naming, createEnvelope(Topics.ApplicationAccepted, accepted, { service: 'intake' }));
    await handlerStarted;

    let stopped = false;
    const stopping = (app as INestApplication).close().then(() => (stopped = true));
    app = undefined;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false); // still waiting for the handler in flight
    openGate();
    await stopping;

    expect(GatedCaseOpener.finished).toBe(1);
    const inbox: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) FROM "${db.schema}".processed_event`);
    expect(Number(inbox[0]?.count)).toBe(1);
    const outbox = await db.dataSource.getRepository(OutboxMessage).find();
    expect(outbox.map((row) => ({ topic: row.topic, published: row.publishedAt !== null }))).toEqual([
      { topic: Topics.CaseOpened.name, published: true },
    ]);
    await eventually(() => expect(opened).toEqual([accepted.applicationId]));
  });

  it('publishes every row left in its outbox before it stops', async () => {
    // Rows written by another instance do not wake this relay; with a one-minute poll interval
    // only the flush at shutdown can publish them.
    const otherInstance = new EventOutbox('approval');
    const applicationIds = Array.from({ length: 20 }, () => randomUUID());
    await db.dataSource.transaction(async (tx) => {
      for (const applicationId of applicationIds) {
        const part = anApplicationAccepted().parts[0];
        if (!part) throw new Error('no part');
        await otherInstance.add(tx, Topics.CaseOpened, {
          applicationId,
          partId: part.partId,
          caseId: randomUUID(),
          department: part.department,
          deadline: part.promisedDeadline,
          openedAt: new Date().toISOString(),
        });
      }
    });
    await (app as INestApplication).close();
    app = undefined;

    const unsent: Array<{ count: string }> = await db.dataSource.query(
      `SELECT count(*) FROM "${db.schema}".outbox_message WHERE published_at IS NULL`,
    );
    expect(Number(unsent[0]?.count)).toBe(0);
    await eventually(() => expect([...opened].sort()).toEqual([...applicationIds].sort()));
  });
});

async function startApprovalLike(dataSource: DataSource, naming: TopicNaming): Promise<INestApplication> {
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDatabaseModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      TestDatabaseModule,
      MessagingModule.forService({
        service: 'approval',
        transport: { kind: 'kafka', brokers: testKafkaBrokers(), topicPrefix: naming.prefix, partitions: 1 },
        outbox: { pollIntervalMs: 60_000 },
      }),
    ],
    providers: [GatedCaseOpener],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const messaging = app.get(MessagingService);
  await app.init();
  await messaging.ensureTopics();
  app.connectMicroservice({ strategy: messaging.server as CustomTransportStrategy });
  await app.startAllMicroservices();
  messaging.startRelay();
  return app;
}

async function publishRaw(naming: TopicNaming, envelope: EventEnvelope<ApplicationAcceptedV1>): Promise<void> {
  const publisher = new KafkaEventPublisher({ brokers: testKafkaBrokers(), clientId: 'shutdown-test' });
  try {
    await publisher.publish([
      {
        topic: naming.physical(Topics.ApplicationAccepted.name),
        key: envelope.data.applicationId,
        value: JSON.stringify(envelope),
        headers: {},
      },
    ]);
  } finally {
    await publisher.close();
  }
}
