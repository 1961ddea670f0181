import type { EventTransport } from '../core/event-transport';
import type { TopicNaming } from '../core/messages';
import { InProcessEventTransport } from '../in-process/in-process-event-transport';
import { KafkaEventTransport } from '../kafka/kafka-event-transport';
import type { MessagingOptions } from './messaging.options';

/** The one place that knows which transports exist: the configured one for this service. */
export function createEventTransport(options: MessagingOptions, naming: TopicNaming): EventTransport {
  const transport = options.transport;
  const groupId = naming.consumerGroup(options.service);
  switch (transport.kind) {
    case 'kafka':
      return new KafkaEventTransport({
        brokers: transport.brokers,
        clientIdPrefix: options.service,
        groupId,
        ...(transport.partitions ? { partitions: transport.partitions } : {}),
        ...(transport.partitionsConsumedConcurrently ? { partitionsConsumedConcurrently: transport.partitionsConsumedConcurrently } : {}),
        ...(options.consumerBatchSize ? { maxBatchSize: options.consumerBatchSize } : {}),
      });
    case 'in-process':
      return new InProcessEventTransport(transport.bus, groupId);
  }
}
