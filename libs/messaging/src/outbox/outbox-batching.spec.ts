import { PublishRefusedError, type OutgoingRecord } from '../core/messages';
import { publishIsolatingRefusals, recordBytes, takeBatch } from './outbox-batching';

/** A broker stand-in that refuses any record larger than its limit, like Kafka's `message.max.bytes`. */
class SizeLimitedBroker {
  readonly received: string[] = [];
  calls = 0;
  down = false;

  constructor(private readonly limit: number) {}

  publish = async (records: readonly OutgoingRecord[]): Promise<void> => {
    this.calls += 1;
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:9092');
    if (records.some((record) => recordBytes(record) > this.limit))
      throw new PublishRefusedError('MESSAGE_TOO_LARGE: The message is too large');
    this.received.push(...records.map((record) => record.key));
  };
}

function aRecord(key: string, valueBytes = 100): OutgoingRecord {
  return {
    topic: 'intake.application.accepted.v1',
    key,
    value: 'x'.repeat(valueBytes),
    headers: { 'content-type': 'application/cloudevents+json' },
  };
}

describe('sizing outbox batches to the broker', () => {
  it('takes the longest prefix that stays within the byte limit', () => {
    const sizes = [300, 300, 300, 300];
    expect(takeBatch(sizes, (size) => size, 1_000)).toEqual([300, 300, 300]);
    expect(takeBatch(sizes, (size) => size, 1_200)).toEqual(sizes);
  });

  it('sends a record larger than the limit alone, never together with others', () => {
    expect(takeBatch([5_000, 10, 10], (size) => size, 1_000)).toEqual([5_000]);
    expect(takeBatch([10, 5_000, 10], (size) => size, 1_000)).toEqual([10]);
  });

  it('counts key, value and headers in bytes, not characters', () => {
    const ascii = recordBytes({ topic: 't', key: 'k', value: 'aaaa', headers: {} });
    const chinese = recordBytes({ topic: 't', key: 'k', value: '聊城市东', headers: {} });
    expect(chinese - ascii).toBe(8);
  });
});

describe('isolating records the broker refuses', () => {
  it('publishes a batch the broker accepts in one call', async () => {
    const broker = new SizeLimitedBroker(1_000);
    const result = await publishIsolatingRefusals([aRecord('a'), aRecord('b')], broker.publish);
    expect(result.published.map((r) => r.key)).toEqual(['a', 'b']);
    expect(result.refused).toEqual([]);
    expect(broker.calls).toBe(1);
  });

  it('sets aside only the oversized record of a refused batch and sends every other one in order', async () => {
    const broker = new SizeLimitedBroker(1_000);
    const batch = [aRecord('a'), aRecord('huge', 600_000), aRecord('b'), aRecord('huge-2', 2_000), aRecord('c')];
    const result = await publishIsolatingRefusals(batch, broker.publish);
    expect(broker.received).toEqual(['a', 'b', 'c']);
    expect(result.published.map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(result.refused.map((r) => [r.item.key, r.reason])).toEqual([
      ['huge', 'MESSAGE_TOO_LARGE: The message is too large'],
      ['huge-2', 'MESSAGE_TOO_LARGE: The message is too large'],
    ]);
    expect(result.error).toBeUndefined();
  });

  it('marks nothing refused while the broker is unreachable: the rows wait', async () => {
    const broker = new SizeLimitedBroker(1_000);
    broker.down = true;
    const result = await publishIsolatingRefusals([aRecord('a'), aRecord('huge', 600_000)], broker.publish);
    expect(result.published).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(String(result.error)).toContain('ECONNREFUSED');
  });

  it('keeps what was settled when the broker goes away while records are sent one by one', async () => {
    const broker = new SizeLimitedBroker(1_000);
    const publish = async (records: readonly OutgoingRecord[]) => {
      if (records.length === 1 && records[0]?.key === 'b') broker.down = true;
      await broker.publish(records);
    };
    const result = await publishIsolatingRefusals([aRecord('a'), aRecord('huge', 5_000), aRecord('b'), aRecord('c')], publish);
    expect(result.published.map((r) => r.key)).toEqual(['a']);
    expect(result.refused.map((r) => r.item.key)).toEqual(['huge']);
    expect(result.error).toBeDefined();
  });
});
