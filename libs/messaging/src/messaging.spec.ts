import { Topics, anApplicationAccepted } from '@onewindow/contracts';
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
    bus.subscribe('approval', ['a.b.c.v1'], async (m: IncomingMessage) => void seen['approval']?.push(String(m.value)));
    bus.subscribe('bridge', ['a.b.c.v1'], async (m: IncomingMessage) => void seen['bridge']?.push(`${m.offset}:${String(m.value)}`));
    bus.subscribe('supervision', ['x.y.z.v1'], async (m: IncomingMessage) => void seen['supervision']?.push(String(m.value)));
    await Promise.all([bus.publish([record('a.b.c.v1', '1'), record('a.b.c.v1', '2')]), bus.publish([record('a.b.c.v1', '3')])]);
    expect(seen).toEqual({ approval: ['1', '2', '3'], bridge: ['0:1', '1:2', '2:3'], supervision: [] });
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
  const inTransaction = (insert = jest.fn()) =>
    ({ queryRunner: { isTransactionActive: true, data: {} }, connection: { subscribers: [] }, insert }) as unknown as EntityManager;

  it('wakes the relay once the transaction that wrote the event commits, not before', async () => {
    const queryRunner = { isTransactionActive: true, data: {} };
    const connection = { subscribers: [] as Array<{ afterTransactionCommit?: (event: unknown) => void }> };
    const tx = { queryRunner, connection, insert: jest.fn() } as unknown as EntityManager;
    const outbox = new EventOutbox('intake');
    const woken = jest.fn();
    outbox.onAdded(woken);
    await outbox.add(tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await outbox.add(tx, Topics.ApplicationAccepted, anApplicationAccepted());
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).not.toHaveBeenCalled();
    // A released savepoint is not the commit.
    connection.subscribers.forEach((subscriber) => subscriber.afterTransactionCommit?.({ queryRunner }));
    expect(woken).not.toHaveBeenCalled();
    queryRunner.isTransactionActive = false;
    connection.subscribers.forEach((subscriber) => subscriber.afterTransactionCommit?.({ queryRunner }));
    expect(woken).toHaveBeenCalledTimes(1);
  });

  it('refuses to write outside the transaction that makes the change', async () => {
    const outsider = { queryRunner: undefined } as unknown as EntityManager;
    await expect(new EventOutbox('intake').add(outsider, Topics.ApplicationAccepted, anApplicationAccepted())).rejects.toThrow(
      'must run inside the transaction',
    );
  });

  it('refuses a topic the service does not own', async () => {
    await expect(new EventOutbox('approval').add(inTransaction(), Topics.ApplicationAccepted, anApplicationAccepted())).rejects.toThrow(
      'approval may not publish intake.application.accepted.v1',
    );
  });

  it('writes the envelope keyed by the application, with the cause carried over', async () => {
    const insert = jest.fn();
    const application = anApplicationAccepted();
    const envelope = await new EventOutbox('intake').add(inTransaction(insert), Topics.ApplicationAccepted, application, {
      correlationId: 'req-7',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(envelope).toMatchObject({ subject: application.applicationId, correlationid: 'req-7', source: '/onewindow/intake' });
    expect(insert).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ messageKey: application.applicationId, topic: Topics.ApplicationAccepted.name }));
  });
});
