import type { EventEnvelope, TopicDefinition } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import type { EventCause } from '../outbox/event-outbox';

/** What a handler gets besides the event: the transaction its effect must be written in. */
export interface HandlerContext {
  /** The transaction in which the inbox entry is written; write the effect (and outbox rows) here. */
  readonly tx: EntityManager;
  /** Cause fields for events published as a consequence of this one. */
  readonly cause: EventCause;
  readonly delivery: { topic: string; partition: number; offset: string; attempt: number };
}

/**
 * One reaction of one service to one topic. `name` identifies the consumer in the inbox and in
 * dead letters; name it for what it does and when (`approval.open-case-when-application-accepted`).
 */
export interface EventHandler<T extends object = object> {
  readonly name: string;
  readonly topic: TopicDefinition<T>;
  handle(event: EventEnvelope<T>, context: HandlerContext): Promise<void>;
  /**
   * For a handler whose effect already keeps every event it handled under a unique event id (an
   * event log): records these events in the transaction `tx` and answers the ids that were new;
   * the others were handled before. When present it is the handler's inbox, and the pipeline writes
   * no `processed_event` row of its own: one row per event instead of two that say the same.
   */
  claim?(tx: EntityManager, events: readonly EventEnvelope[]): Promise<Set<string>>;
}

/**
 * Thrown by a handler when retrying cannot help (the event contradicts this service's state or
 * rules): the message goes to the dead-letter topic at once instead of after N attempts.
 */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
