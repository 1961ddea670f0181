import type { EventPublisher, IncomingMessage, OutgoingRecord } from '../core/messages';

/** Receives a run of records in publish order; resolves once their effects are committed. */
type Deliver = (messages: IncomingMessage[]) => Promise<void>;

interface Subscription {
  group: string;
  topics: Set<string>;
  deliver: Deliver;
}

/**
 * The event bus of the embedded default: every service in one process. `publish` resolves only
 * after every subscribed consumer group has handled each record (its handler's transaction
 * committed or its dead letter recorded), so the outbox row is marked sent only then: a crash
 * loses nothing, because unsent rows are published again on restart and inboxes de-duplicate.
 * Groups must subscribe before publishing starts; the launcher starts relays last.
 */
export class InProcessEventBus implements EventPublisher {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly offsets = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();

  subscribe(group: string, topics: Iterable<string>, deliver: Deliver): () => void {
    if (this.subscriptions.has(group)) {
      throw new Error(`Consumer group ${group} is already subscribed to the in-process bus`);
    }
    this.subscriptions.set(group, { group, topics: new Set(topics), deliver });
    return () => this.subscriptions.delete(group);
  }

  /** Records are delivered strictly in order, one publish call after another, like one partition. */
  publish(records: readonly OutgoingRecord[]): Promise<void> {
    const run = this.queue.then(() => this.deliverAll(records));
    this.queue = run.catch(() => undefined);
    return run;
  }

  subscribedGroups(): string[] {
    return [...this.subscriptions.keys()];
  }

  private async deliverAll(records: readonly OutgoingRecord[]): Promise<void> {
    const messages = records.map((record) => {
      const offset = (this.offsets.get(record.topic) ?? -1) + 1;
      this.offsets.set(record.topic, offset);
      return {
        topic: record.topic,
        partition: 0,
        offset: String(offset),
        key: record.key,
        headers: { ...record.headers },
        value: record.value,
      };
    });
    // Each group gets its records of one publish as one run, like a fetched Kafka batch.
    for (const subscriber of this.subscriptions.values()) {
      const mine = messages.filter((message) => subscriber.topics.has(message.topic));
      if (mine.length > 0) await subscriber.deliver(mine.map((message) => ({ ...message, headers: { ...message.headers } })));
    }
  }
}
