/**
 * A handler whose effect is itself a log keyed by the event id (`claim`) is its own inbox: each
 * event applied once, redeliveries recognised, and no `processed_event` row beside the log.
 */
import { createEnvelope, Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import { quotedTable } from '@onewindow/persistence';
import { openTestSchema, type TestSchema } from '@onewindow/testing';
import { Column, Entity, PrimaryColumn, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  ConsumerPipeline,
  EventOutbox,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  type EventHandler,
  type HandlerContext,
  type IncomingMessage,
} from '../index';

@Entity({ name: 'logged_event' })
class LoggedEvent {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'int' })
  applied!: number;
}

class CreateLoggedEvent1700000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(`CREATE TABLE "${schema}"."logged_event" (event_id text PRIMARY KEY, applied int NOT NULL DEFAULT 0)`);
  }
  async down(): Promise<void> {}
}

/** Logs each event on claim and counts its applications: a second application would show as 2. */
class LoggingHandler implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'approval.test-logger';
  readonly topic = Topics.ApplicationAccepted;

  async claim(tx: EntityManager, events: readonly EventEnvelope[]): Promise<Set<string>> {
    const rows: Array<{ event_id: string }> = await tx.query(
      `INSERT INTO ${quotedTable(tx, LoggedEvent)} (event_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((event) => event.id)],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx }: HandlerContext): Promise<void> {
    await tx.query(`UPDATE ${quotedTable(tx, LoggedEvent)} SET applied = applied + 1 WHERE event_id = $1`, [event.id]);
  }
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe("a handler's own event log as its inbox", () => {
  let db: TestSchema;
  let pipeline: ConsumerPipeline;
  let offset = 0;

  beforeAll(async () => {
    db = await openTestSchema({
      prefix: 'claim',
      entities: [...MESSAGING_ENTITIES, LoggedEvent],
      migrations: [...MESSAGING_MIGRATIONS, CreateLoggedEvent1700000000002],
    });
    pipeline = new ConsumerPipeline({
      service: 'approval',
      dataSource: db.dataSource,
      outbox: new EventOutbox('approval'),
      handlers: [new LoggingHandler()],
      logger: silent,
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  function messageOf(envelope: EventEnvelope): IncomingMessage {
    offset += 1;
    return {
      topic: Topics.ApplicationAccepted.name,
      partition: 0,
      offset: String(offset),
      key: envelope.subject,
      headers: {},
      value: JSON.stringify(envelope),
    };
  }

  it('applies each event once, in a batch and one by one, and writes no processed_event row', async () => {
    const first = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });
    const second = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });

    const batch = await pipeline.deliverBatch([messageOf(first), messageOf(second), messageOf(first)]);
    const again = await pipeline.deliver(messageOf(second));

    expect(batch.map((outcomes) => outcomes.map((o) => o.outcome))).toEqual([['processed'], ['processed'], ['duplicate']]);
    expect(again.map((o) => o.outcome)).toEqual(['duplicate']);
    const logged = (await db.dataSource.query(`SELECT event_id, applied FROM "${db.schema}".logged_event ORDER BY event_id`)) as Array<{
      event_id: string;
      applied: number;
    }>;
    expect(logged).toEqual([first.id, second.id].sort().map((id) => ({ event_id: id, applied: 1 })));
    expect(await db.dataSource.query(`SELECT * FROM "${db.schema}".processed_event`)).toEqual([]);
  });
});
