import { PublishRefusedError, type OutgoingRecord } from '../core/messages';

/**
 * What the relay may put in one publish by default: below Kafka's default `message.max.bytes`
 * (1 MiB + 12 bytes), with room for the protocol's own framing.
 */
export const DEFAULT_OUTBOX_MAX_BATCH_BYTES = 900 * 1024;

/** Bytes a record takes on the wire, near enough: key, value, headers and a record's framing. */
export function recordBytes(record: OutgoingRecord): number {
  let bytes = 70 + Buffer.byteLength(record.key, 'utf8') + Buffer.byteLength(record.value, 'utf8');
  for (const [name, value] of Object.entries(record.headers))
    bytes += 8 + Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
  return bytes;
}

/**
 * The longest prefix of `items` whose records together stay within `maxBytes`, and never less than
 * the first item: a record larger than the limit goes alone, and the broker decides on it.
 */
export function takeBatch<T>(items: readonly T[], sizeOf: (item: T) => number, maxBytes: number): T[] {
  const batch: T[] = [];
  let total = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (batch.length > 0 && total + size > maxBytes) break;
    batch.push(item);
    total += size;
  }
  return batch;
}

export interface IsolatedPublish<T> {
  /** Sent, in order. */
  published: T[];
  /** Refused by the broker for what they are; sending them again cannot succeed. */
  refused: Array<{ item: T; reason: string }>;
  /** A failure that is not a refusal (broker unreachable) stopped the run; what is above still holds. */
  error?: unknown;
}

/**
 * Publishes `items` as one batch; when the broker refuses the batch, publishes them one by one so
 * that only the records it refuses are set aside and every other one is sent. Any other failure
 * (broker down) is returned as `error` with whatever was settled before it, so nothing is lost and
 * nothing is marked failed for an outage.
 */
export async function publishIsolatingRefusals<T>(
  items: readonly T[],
  publish: (items: readonly T[]) => Promise<void>,
): Promise<IsolatedPublish<T>> {
  if (items.length === 0) return { published: [], refused: [] };
  try {
    await publish(items);
    return { published: [...items], refused: [] };
  } catch (error) {
    if (!(error instanceof PublishRefusedError)) return { published: [], refused: [], error };
    if (items.length === 1) return { published: [], refused: [{ item: items[0] as T, reason: error.reason }] };
  }
  const result: IsolatedPublish<T> = { published: [], refused: [] };
  for (const item of items) {
    try {
      await publish([item]);
      result.published.push(item);
    } catch (error) {
      if (!(error instanceof PublishRefusedError)) return { ...result, error };
      result.refused.push({ item, reason: error.reason });
    }
  }
  return result;
}
