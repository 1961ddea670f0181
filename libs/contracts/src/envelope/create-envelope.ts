import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './event-envelope';
import type { TopicDefinition } from '../topics/topic-definition';

export interface EnvelopeOrigin {
  /** Producing service, e.g. `intake`. */
  service: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  tracestate?: string;
  /** Injected in tests; defaults to now. */
  time?: Date;
  /** Injected in tests; defaults to a random UUID. */
  id?: string;
}

/** Wraps a payload for a topic; the subject (and so the message key) comes from the topic's key field. */
export function createEnvelope<T extends object>(topic: TopicDefinition<T>, data: T, origin: EnvelopeOrigin): EventEnvelope<T> {
  const id = origin.id ?? randomUUID();
  const subject = topic.keyOf(data);
  return {
    specversion: '1.0',
    id,
    source: `/onewindow/${origin.service}`,
    type: topic.name,
    subject,
    time: (origin.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    correlationid: origin.correlationId ?? id,
    ...(origin.causationId ? { causationid: origin.causationId } : {}),
    ...(origin.traceparent ? { traceparent: origin.traceparent } : {}),
    ...(origin.tracestate ? { tracestate: origin.tracestate } : {}),
    data,
  };
}
