/**
 * The one envelope every OneWindow event travels in: the CloudEvents 1.0 attributes in
 * structured mode, plus correlation/causation ids and W3C trace context as CloudEvents
 * extension attributes (lower-case names, as the CloudEvents spec requires).
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  /** Unique per event; consumers de-duplicate on it. */
  id: string;
  /** URI-reference of the producing service, e.g. `/onewindow/intake`. */
  source: string;
  /** Equal to the topic name, e.g. `intake.application.accepted.v1`. */
  type: string;
  /** The aggregate the event is about; also the Kafka message key, so its events stay in order. */
  subject: string;
  /** RFC 3339 time the fact happened. */
  time: string;
  datacontenttype: 'application/json';
  /** The id of the first event (or request) of the business transaction. */
  correlationid: string;
  /** The id of the event or request that directly caused this one. */
  causationid?: string;
  /** W3C trace context (`00-<trace-id>-<span-id>-<flags>`). */
  traceparent?: string;
  tracestate?: string;
  data: TData;
}

export const ENVELOPE_SPEC_VERSION = '1.0' as const;
export const ENVELOPE_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
