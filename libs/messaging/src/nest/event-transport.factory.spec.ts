import { TopicNaming } from '../core/messages';
import { backOffDelay } from '../consumer/retry-policy';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { InProcessEventTransport } from '../in-process/in-process-event-transport';
import { KafkaEventServer } from '../kafka/kafka-event-server';
import { KafkaEventTransport } from '../kafka/kafka-event-transport';
import { createEventTransport } from './event-transport.factory';

describe('choosing the event transport', () => {
  it('gives a Kafka deployment a kafkajs publisher and a batching consumer group, named after the service', () => {
    const transport = createEventTransport(
      { service: 'approval', transport: { kind: 'kafka', brokers: ['127.0.0.1:1'], topicPrefix: 'suite-' } },
      new TopicNaming('suite-'),
    );
    expect(transport).toBeInstanceOf(KafkaEventTransport);
    expect(transport.server).toBeInstanceOf(KafkaEventServer);
  });

  it('gives the embedded default the in-process bus, which is always reachable and never lags', async () => {
    const bus = new InProcessEventBus();
    const transport = createEventTransport({ service: 'intake', transport: { kind: 'in-process', bus } }, new TopicNaming());
    expect(transport).toBeInstanceOf(InProcessEventTransport);
    expect(transport.publisher).toBe(bus);
    await expect(transport.checkReachable()).resolves.toBeUndefined();
    await expect(transport.consumerLag('intake', ['intake.application.accepted.v1'])).resolves.toEqual([]);
    await expect(transport.ensureTopics(['x'])).resolves.toEqual([]);
  });
});

describe('the back-off shared by retries, the relay and deliveries', () => {
  it('doubles from the base up to the cap, with at most half of each delay random', () => {
    expect([1, 2, 3, 4, 5, 40].map((attempt) => backOffDelay(attempt, 100, 1_000, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([1, 2, 3].map((attempt) => backOffDelay(attempt, 100, 1_000, () => 0))).toEqual([50, 100, 200]);
  });
});
