export {
  PublishRefusedError,
  TopicNaming,
  textOf,
  type BatchDelivery,
  type EventConsumerServer,
  type EventPublisher,
  type IncomingMessage,
  type OutgoingRecord,
} from './core/messages';
export { noMetrics, type ConsumeOutcome, type MessagingLogger, type MessagingMetrics } from './core/messaging-metrics';
export { OutboxMessage, OutboxRelayLease } from './outbox/outbox-message.entity';
export { EventOutbox, causedBy, type EventCause } from './outbox/event-outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { DEFAULT_OUTBOX_MAX_BATCH_BYTES, publishIsolatingRefusals, recordBytes, takeBatch } from './outbox/outbox-batching';
export { ProcessedEvent } from './inbox/processed-event.entity';
export { DeadLetter, DEAD_LETTER_STATUSES, type DeadLetterStatus } from './dead-letters/dead-letter.entity';
export { DeadLetterReplayer, type DeadLetterDiscard, type DeadLetterFilter, type ReplayResult } from './dead-letters/dead-letter-replayer';
export { PermanentEventError, type EventHandler, type HandlerContext } from './consumer/event-handler';
export { ConsumerPipeline, type ConsumerPipelineOptions, type DeliveryOutcome } from './consumer/consumer-pipeline';
export { RetryPolicy, backOffDelay } from './consumer/retry-policy';
export { InProcessEventBus } from './in-process/in-process-event-bus';
export { InProcessEventServer } from './in-process/in-process-event-server';
export { InProcessEventTransport } from './in-process/in-process-event-transport';
export type { EventTransport, PartitionLag } from './core/event-transport';
export { KafkaEventPublisher, type KafkaPublisherOptions } from './kafka/kafka-event-publisher';
export { KafkaEventServer, type KafkaServerOptions } from './kafka/kafka-event-server';
export { KafkaEventTransport, type KafkaTransportOptions } from './kafka/kafka-event-transport';
export { checkKafkaReachable, ensureKafkaTopics, fetchConsumerLag } from './kafka/kafka-admin';
export { EventConsumer } from './nest/event-consumer.decorator';
export { MessagingModule } from './nest/messaging.module';
export { MessagingService } from './nest/messaging.service';
export { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingOptions, type TransportOptions } from './nest/messaging.options';

/** Entities every service using messaging must register (and create in its migrations). */
import { DeadLetter as DeadLetterEntity } from './dead-letters/dead-letter.entity';
import { ProcessedEvent as ProcessedEventEntity } from './inbox/processed-event.entity';
import { OutboxMessage as OutboxMessageEntity, OutboxRelayLease as OutboxRelayLeaseEntity } from './outbox/outbox-message.entity';
export const MESSAGING_ENTITIES = [OutboxMessageEntity, OutboxRelayLeaseEntity, ProcessedEventEntity, DeadLetterEntity];
export { CreateMessagingTables1763856000000 } from './migrations/1763856000000-create-messaging-tables';
export { OutboxRefusedRows1796612964000 } from './migrations/1796612964000-outbox-refused-rows';
export { DeadLetterBytes1796613000000 } from './migrations/1796613000000-dead-letter-bytes';
export { DeadLetterDiscardReason1796710000000 } from './migrations/1796710000000-dead-letter-discard-reason';
export { bytesOf, readable, readableClipped, readableExcerpt, referenceOf, type ValueReference } from './core/message-value';
import { CreateMessagingTables1763856000000 as CreateMessagingTables } from './migrations/1763856000000-create-messaging-tables';
import { OutboxRefusedRows1796612964000 as OutboxRefusedRows } from './migrations/1796612964000-outbox-refused-rows';
import { DeadLetterBytes1796613000000 as DeadLetterBytes } from './migrations/1796613000000-dead-letter-bytes';
import { DeadLetterDiscardReason1796710000000 as DeadLetterDiscardReason } from './migrations/1796710000000-dead-letter-discard-reason';
/** The messaging tables' migrations, oldest first: every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables, OutboxRefusedRows, DeadLetterBytes, DeadLetterDiscardReason];
export { ServiceContext } from './core/service-context';
