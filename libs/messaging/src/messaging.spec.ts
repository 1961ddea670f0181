import { Topics } from '@onewindow/contracts';
import { anApplicationAccepted } from '@onewindow/contracts/testing';
import type { EntityManager } from 'typeorm';
import { EventOutbox, InProcessEventBus, RetryPolicy, TopicNaming, type IncomingMessage } from './index';

describe('retry policy', () => {
  it('backs off exponentially with jitter, within a cap', () => {
    const policy = new RetryPolicy(5, 100, 1_000, () => 1);
    expect([1, 2, 3, 4, 5].map((attempt) => policy.delayAfter(attempt))).toEqual([100, 200, 400, 800, 1_000]);
    const low = new RetryPolicy(5, 100, 1_000, () => 0);
    expect(low.delayAfter(3)).toBe(200);
  });

  it('stops retrying after the last attempt and at once for a permanent error', () => {
    const policy = new RetryPolicy(3);
    expect(policy.shouldRetry(2, new Error('timeout'))).toBe(true);
    expect(policy.shouldRetry(3, new Error('timeout'))).toBe(false);
    const permanent = Object.assign(new Error('unknown item'), { name: 'PermanentEventError' });
    expect(policy.shouldRetry(1, permanent)).toBe(false);
  });
});

describe('topic naming', () => {
  it('prefixes topics and consumer groups and strips the prefix again', () => {
    const naming = new TopicNaming('t1-suite.');
    expect(naming.physical('intake.application.accepted.v1')).toBe('t1-suite.intake.application.accepted.v1');
    expect(naming.logical('t1-suite.intake.application.accepted.v1')).toBe('intake.application.accepted.v1');
    expect(naming.consumerGroup('approval')).toBe('t1-suite.approval');
  });
});

describe('the in-process bus', () => {
  it('delivers records in order to every subscribed group, and only to those', async () => {
    const bus = new InProcessEventBus();
    const seen: Record<string, string[]> = { approval: [], bridge: [], supervision: [] };
    const record = (topic: string, value: string) => ({ topic, key: 'k', value, headers: {} });
    const collect = (group: string, show: (m: IncomingMessage) => string) => async (messages: IncomingMessage[]) =>
      void seen[group]?.push(...messages.map(show));
    bus.subscribe(
      'approval',
      ['a.b.c.v1'],
      collect('approval', (m) => String(m.value)),
    );
    bus.subscribe(
      'bridge',
      ['a.b.c.v1'],
      collect('bridge', (m) => `${m.offset}:${String(m.value)}`),
    );
    bus.subscribe(
      'supervision',
      ['x.y.z.v1'],
      collect('supervision', (m) => String(m.value)),
    );
    await Promise.all([bus.publish([record('a.b.c.v1', '1'), record('a.b.c.v1', '2')]), bus.publish([record('a.b.c.v1', '3')])]);
    expect(seen).toEqual({ approval: ['1', '2', '3'], bridge: ['0:1', '1:2', '2:3'], supervision: [] });
  });

  it('hands each group the records of one publish as one run, like a fetched batch', async () => {
    const bus = new InProcessEventBus();
    const runs: string[][] = [];
    bus.subscribe('approval', ['a.b.c.v1', 'x.y.z.v1'], async (messages) => void runs.push(messages.map((m) => `${m.topic}@${m.offset}`)));
    await bus.publish([
      { topic: 'a.b.c.v1', key: 'k', value: '1', headers: {} },
      { topic: 'q.r.s.v1', key: 'k', value: 'not mine', headers: {} },
      { topic: 'x.y.z.v1', key: 'k', value: '2', headers: {} },
      { topic: 'a.b.c.v1', key: 'k', value: '3', headers: {} },
    ]);
    expect(runs).toEqual([['a.b.c.v1@0', 'x.y.z.v1@0', 'a.b.c.v1@1']]);
  });

  it('fails the publish when a consumer cannot record the message, so the outbox keeps it', async () => {
    const bus = new InProcessEventBus();
    bus.subscribe('approval', ['a.b.c.v1'], async () => {
      throw new Error('database down');
    });
    await expect(bus.publish([{ topic: 'a.b.c.v1', key: 'k', value: '{}', headers: {} }])).rejects.toThrow('database down');
  });

  it('refuses a second subscription of the same group', () => {
    const bus = new InProcessEventBus();
    bus.subscribe('approval', ['a.b.c.v1'], async () => undefined);
    expect(() => bus.subscribe('approval', ['a.b.c.v1'], async () => undefined)).toThrow('already subscribed');
  });
});

describe('the outbox writer', () => {
  type Subscriber = {
    beforeTransactionStart?: (event: unknown) => Promise<void> | void;
    beforeTransactionCommit?: (event: unknown) => Promise<void> | void;
    afterTransactionCommit?: (event: unknown) => void;
    beforeTransactionRollback?: (event: unknown) => void;
    afterTransactionRollback?: (event: unknown) => void;
  };

  /** A transaction as the outbox sees it: a query runner that records SQL, and the connection's subscribers. */
  function aTransaction() {
    const statements: Array<{ sql: string; parameters: unknown[] }> = [];
    const queryRunner = {
      isTransactionActive: true,
      query: jest.fn(async (sql: string, parameters: unknown[]) => void statements.push({ sql, parameters })),
    };
    const subscribers: Subscriber[] = [];
    const connection = { subscribers, getMetadata: () => ({ tablePath: 'intake.outbox_message' }) };
    const tx = { queryRunner, connection } as unknown as EntityManager;
    const event = { queryRunner, manager: tx };
    const fire = async (hook: keyof Subscriber) => {
      for (const subscriber of subscribers) await subscriber[hook]?.(event);
    };
    return {
      tx,
      statements,
      /** Commits the whole transaction (or, with `savepoint`, releases a savepoint). */
      commit: async ({ savepoint = false } = {}) => {
        await fire('beforeTransactionCommit');
        queryRunner.isTransactionActive = savepoint;
        await fire('afterTransactionCommit');
      },
      savepoint: () => fire('beforeTransactionStart'),
      rollback: async ({ savepoint = false } = {}) => {
        await fire('beforeTransactionRollback');
        queryRunner.isTransactionActive = savepoint;
        await fire('afterTransactionRollback');
      },
    };
  }

  it('writes every event of a transaction in one statement just before it commits', async () => {
    const transaction = aTransaction();
    const outbox = new EventOutbox('intake');
    const first = anApplicationAccepted();
    const second = anApplicationAccepted();
    const envelopes = [
      await outbox.add(transaction.tx, Topics.ApplicationAccepted, first),
      await outbox.add(transaction.tx, Topics.ApplicationAccepted, second),
    ];
    expect(transaction.statements).toHaveLength(0);
    await transaction.commit();
    expect(transaction.statements).toHaveLength(1);
    const [statement] = transaction.statements;
    expect(statement?.sql).toContain('INSERT INTO "intake"."outbox_message"');
    const [eventIds, topics, keys, bodies] = statement?.parameters as [string[], string[], string[], string[]];
    expect(eventIds).toEqual(envelopes.map((envelope) => envelope.id));
    expect(topics).toEqual([Topics.ApplicationAccepted.name, Topics.ApplicationAccepted.name]);
    expect(keys).toEqual([first.applicationId, second.applicationId]);
    expect(bodies.map((body) => JSON.parse(body))).toEqual(envelopes.map((envelope) => JSON.parse(JSON.stringify(envelope))));
  });

  it('writes nothing for a transaction that rolls back', async () => {
    const transaction = aTransaction();
    const outbox = new EventOutbox('intake');
    const woken = jest.fn();
    outbox.onAdded(woken);
    await outbox.add(transaction.tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await transaction.rollback();
    expect(transaction.statements).toHaveLength(0);
    expect(woken).not.toHaveBeenCalled();
  });

  it('keeps what was added before a savepoint when the savepoint rolls back', async () => {
    const transaction = aTransaction();
    const outbox = new EventOutbox('intake');
    const kept = await outbox.add(transaction.tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await transaction.savepoint();
    await outbox.add(transaction.tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await transaction.rollback({ savepoint: true });
    await transaction.commit();
    const written = transaction.statements.flatMap((statement) => statement.parameters[0] as string[]);
    expect(written).toEqual([kept.id]);
  });

  it('wakes the relay once the transaction that wrote the event commits, not before', async () => {
    const transaction = aTransaction();
    const outbox = new EventOutbox('intake');
    const woken = jest.fn();
    outbox.onAdded(woken);
    await outbox.add(transaction.tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await outbox.add(transaction.tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).not.toHaveBeenCalled();
    // A released savepoint is not the commit.
    await transaction.commit({ savepoint: true });
    expect(woken).not.toHaveBeenCalled();
    await transaction.commit();
    expect(woken).toHaveBeenCalledTimes(1);
  });

  it('refuses to write outside the transaction that makes the change', async () => {
    const outsider = { queryRunner: undefined } as unknown as EntityManager;
    await expect(new EventOutbox('intake').add(outsider, Topics.ApplicationAccepted, anApplicationAccepted())).rejects.toThrow(
      'must run inside the transaction',
    );
  });

  it('refuses a topic the service does not own', async () => {
    await expect(new EventOutbox('approval').add(aTransaction().tx, Topics.ApplicationAccepted, anApplicationAccepted())).rejects.toThrow(
      'approval may not publish intake.application.accepted.v1',
    );
  });

  it('writes the envelope keyed by the application, with the cause carried over', async () => {
    const transaction = aTransaction();
    const application = anApplicationAccepted();
    const envelope = await new EventOutbox('intake').add(transaction.tx, Topics.ApplicationAccepted, application, {
      correlationId: 'req-7',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(envelope).toMatchObject({ subject: application.applicationId, correlationid: 'req-7', source: '/onewindow/intake' });
  });
});
