/**
 * "A bad message never blocks its partition" must hold for every byte sequence: whatever arrives,
 * the pipeline dead-letters it on the real PostgreSQL (which refuses NUL in text) and carries on.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createEnvelope, deadLetterTopic, Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import { openTestSchema, type TestSchema } from '@onewindow/testing';
import fc from 'fast-check';
import {
  DeadLetter,
  DeadLetterReplayer,
  EventOutbox,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  ProcessedEvent,
  RetryPolicy,
  type IncomingMessage,
} from '../index';
import { ConsumerPipeline, type DeliveryOutcome } from './consumer-pipeline';
import type { EventHandler } from './event-handler';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

class AcceptingHandler implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'approval.test-accepting';
  readonly topic = Topics.ApplicationAccepted;
  async handle(_event: EventEnvelope<ApplicationAcceptedV1>): Promise<void> {}
}

let offset = 0;
function aMessage(value: unknown, key: string | null = randomUUID(), headers: Record<string, string> = {}): IncomingMessage {
  offset += 1;
  return { topic: Topics.ApplicationAccepted.name, partition: 0, offset: String(offset), key, headers, value };
}

function aValidMessage(): { message: IncomingMessage; envelope: EventEnvelope<ApplicationAcceptedV1> } {
  const envelope = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });
  return { message: aMessage(Buffer.from(JSON.stringify(envelope)), envelope.subject), envelope };
}

/** Byte sequences a poison message may hold: anything, text with NULs, JSON with NULs, a valid-looking envelope with a NUL in its data. */
const poisonBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 3_000 }).map((bytes) => Buffer.from(bytes)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from([0]), Buffer.from(bytes), Buffer.from([0])])),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => Buffer.from(`{"id":"${text}\u0000","data":{}}`, 'utf8')),
  fc.string({ maxLength: 30 }).map((text) => {
    const envelope = createEnvelope(Topics.ApplicationAccepted, anApplicationAccepted(), { service: 'intake' });
    const data = { ...envelope.data, applicant: { ...envelope.data.applicant, name: `聊城${text}\u0000东昌府` } };
    return Buffer.from(JSON.stringify({ ...envelope, data }), 'utf8');
  }),
);

describe('the consumer pipeline with arbitrary bytes (real PostgreSQL)', () => {
  let db: TestSchema;
  let pipeline: ConsumerPipeline;

  beforeAll(async () => {
    db = await openTestSchema({ prefix: 'approval_bytes', entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
    pipeline = new ConsumerPipeline({
      service: 'approval',
      dataSource: db.dataSource,
      outbox: new EventOutbox('approval'),
      handlers: [new AcceptingHandler()],
      retry: new RetryPolicy(2, 1, 2),
      logger: silent,
    });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('dead-letters a raw 0x00 message with its bytes intact and handles the valid event behind it', async () => {
    const nul = aMessage(Buffer.from([0x00]), 'YC20260305000123');
    const valid = aValidMessage();
    const outcomes = await pipeline.deliverBatch([nul, valid.message]);
    expect(outcomes.map((o) => o.map((x) => x.outcome))).toEqual([['dead_lettered'], ['processed']]);
    const letter = await db.dataSource.getRepository(DeadLetter).findOneByOrFail({ originalOffset: nul.offset });
    expect(letter.originalValue.equals(Buffer.from([0x00]))).toBe(true);
    expect(letter.originalExcerpt).toBe('\\x00');
    expect(letter.originalSize).toBe(1);
  });

  it('dead-letters every arbitrary byte sequence, keeps its bytes, and carries on with the next valid event', async () => {
    const keyOrNull = fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: null });
    const headers = fc.dictionary(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(poisonBytes, keyOrNull, headers), { minLength: 1, maxLength: 4 }), async (poison) => {
        const messages = poison.map(([bytes, key, header]) => aMessage(bytes, key, header));
        const valid = aValidMessage();
        const outcomes = await pipeline.deliverBatch([...messages, valid.message]);
        expect(outcomes.slice(0, -1).every((o) => o.length === 1 && o[0]?.outcome === 'dead_lettered')).toBe(true);
        expect(outcomes.at(-1)?.[0]?.outcome).toBe('processed');
        for (const [index, message] of messages.entries()) {
          const letter = await db.dataSource.getRepository(DeadLetter).findOneByOrFail({ originalOffset: message.offset });
          const bytes = poison[index]?.[0] as Buffer;
          expect(letter.originalValue.equals(bytes)).toBe(true);
          expect(letter.originalSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
          expect(letter.originalExcerpt).not.toContain('\u0000');
          expect(letter.detail).not.toContain('\u0000');
        }
        expect(await db.dataSource.getRepository(ProcessedEvent).countBy({ eventId: valid.envelope.id })).toBe(1);
      }),
      { numRuns: 60 },
    );
    // Every dead-letter event is in the outbox, NUL-free: the relay can publish them.
    const [{ count }] = (await db.dataSource.query(`SELECT count(*)::int AS count FROM "${db.schema}".outbox_message WHERE topic = $1`, [
      deadLetterTopic('approval').name,
    ])) as [{ count: number }];
    expect(count).toBe(await db.dataSource.getRepository(DeadLetter).count());
  });

  it('replays a dead letter from its bytes', async () => {
    const valid = aValidMessage();
    const strict = new ConsumerPipeline({
      service: 'approval',
      dataSource: db.dataSource,
      outbox: new EventOutbox('approval'),
      handlers: [
        {
          name: 'approval.test-accepting',
          topic: Topics.ApplicationAccepted,
          handle: async () => {
            throw Object.assign(new Error('not yet \u0000 ready'), { name: 'PermanentEventError' });
          },
        },
      ],
      retry: new RetryPolicy(1, 1, 1),
      logger: silent,
    });
    const [[failed]] = (await strict.deliverBatch([valid.message])) as [[DeliveryOutcome]];
    if (failed.outcome !== 'dead_lettered') throw new Error(`expected a dead letter, got ${failed.outcome}`);
    const letter = await db.dataSource.getRepository(DeadLetter).findOneByOrFail({ id: failed.deadLetterId as string });
    expect(letter.detail).toContain('not yet \\x00 ready');
    const results = await new DeadLetterReplayer(db.dataSource, pipeline, silent).replay({ ids: [letter.id] });
    expect(results).toEqual([expect.objectContaining({ id: letter.id, result: 'replayed' })]);
    expect(await db.dataSource.getRepository(ProcessedEvent).countBy({ eventId: valid.envelope.id })).toBe(1);
  });
});
