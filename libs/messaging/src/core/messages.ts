/** A message as a consumer receives it, whatever the transport. */
export interface IncomingMessage {
  /** Physical topic name (with the deployment's prefix, if any). */
  topic: string;
  partition: number;
  /** Kafka offset as a string (int64); the in-process bus numbers its messages too. */
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** The value exactly as it arrived: a Buffer, a string, or an already decoded object. */
  value: unknown;
}

/** A message as a publisher sends it. */
export interface OutgoingRecord {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Sends records in order; resolves only when the transport has them durably (or delivered). */
export interface EventPublisher {
  publish(records: readonly OutgoingRecord[]): Promise<void>;
}

/**
 * Physical topic names: a deployment (or a test suite) may prefix every topic so that several
 * can share one broker without seeing each other's messages.
 */
export class TopicNaming {
  constructor(readonly prefix = '') {}

  physical(logicalName: string): string {
    return `${this.prefix}${logicalName}`;
  }

  logical(physicalName: string): string {
    return this.prefix && physicalName.startsWith(this.prefix) ? physicalName.slice(this.prefix.length) : physicalName;
  }

  consumerGroup(service: string): string {
    return `${this.prefix}${service}`;
  }
}

export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) {
    const text = value.toString('utf8');
    return Buffer.from(text, 'utf8').equals(value) ? text : `base64:${value.toString('base64')}`;
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Hands a run of consumed messages (one partition's, in offset order) to the consumer pipeline. */
export type BatchDelivery = (messages: IncomingMessage[], heartbeat?: () => Promise<void>) => Promise<void>;

/** What a transport's consumer side offers the messaging service: batches of the topics asked for. */
export interface EventConsumerServer {
  /** Called before the server listens: the physical topics to subscribe and where their batches go. */
  consume(topics: string[], deliver: BatchDelivery): void;
}

/**
 * The transport refused these records for what they are (too large, invalid), not because it is
 * unreachable: sending them again cannot succeed. The relay isolates such a record and moves on.
 */
export class PublishRefusedError extends Error {
  override readonly name = 'PublishRefusedError';

  constructor(
    /** Why, e.g. `MESSAGE_TOO_LARGE: The message is too large`. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the broker refused the record(s): ${reason}`, options);
  }
}
