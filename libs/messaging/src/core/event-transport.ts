import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { EventConsumerServer, EventPublisher } from './messages';

/** How far a consumer group is behind the end of one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * One event backbone as the messaging service uses it: a publisher for the outbox relay, a Nest
 * transport strategy that feeds consumed batches to the pipeline, and the administration the
 * service needs (topics, reachability, lag). Kafka in deployments, an in-process bus in the
 * embedded default; nothing outside the implementations knows which one runs.
 */
export interface EventTransport {
  readonly publisher: EventPublisher;
  readonly server: CustomTransportStrategy & EventConsumerServer;
  /** Creates the topics that are missing (physical names) and answers those it created. */
  ensureTopics(topics: readonly string[]): Promise<string[]>;
  /** Resolves when the backbone answers; throws with the reason when it does not (the ready check). */
  checkReachable(): Promise<void>;
  /** The consumer group's lag on each partition of these topics. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]>;
  /** Closes the publisher's connections (the server is closed by its own stage of the shutdown). */
  closePublisher(): Promise<void>;
}
