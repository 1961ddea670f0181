import { SetMetadata } from '@nestjs/common';

export const EVENT_CONSUMER_METADATA = 'onewindow:event-consumer';

/**
 * Marks a provider that implements `EventHandler`: the messaging module finds it, subscribes the
 * service's consumer group to its topic and runs it through the consumer pipeline.
 */
export const EventConsumer = (): ClassDecorator => SetMetadata(EVENT_CONSUMER_METADATA, true);
