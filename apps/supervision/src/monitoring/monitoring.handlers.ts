import { Inject, Injectable, type Type } from '@nestjs/common';
import type { EventEnvelope, TopicDefinition } from '@onewindow/contracts';
import { EventConsumer, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { MonitoringProjector } from './monitoring-projector';

/** The topics 电子监察 watches: intake's and approval's flow, and supervision's own notices. */
export const MONITORED_TOPICS = MonitoringProjector.topics;

/**
 * One consumer per monitored topic, all alike: keep the envelope in the event log and apply it
 * to the read model, in one transaction. The event log is the consumers' inbox (`claim`): an
 * event already logged is a redelivery and changes nothing.
 */
function monitoringHandlerFor(topic: TopicDefinition): Type<EventHandler> {
  const [producer, entity, event] = topic.name.split('.');
  @Injectable()
  @EventConsumer()
  class UpdateMonitoringWhen implements EventHandler {
    readonly name = `supervision.update-monitoring-when-${producer}-${entity}-${event}`;
    readonly topic = topic;

    constructor(
      @Inject(MonitoringProjector) private readonly projector: MonitoringProjector,
      @Inject(Clock) private readonly clock: Clock,
    ) {}

    claim(tx: EntityManager, envelopes: readonly EventEnvelope[]): Promise<Set<string>> {
      return this.projector.log(tx, envelopes, this.clock.now());
    }

    async handle(envelope: EventEnvelope, { tx }: HandlerContext): Promise<void> {
      await this.projector.apply(tx, envelope);
    }
  }
  return UpdateMonitoringWhen;
}

export const MONITORING_HANDLERS = MONITORED_TOPICS.map(monitoringHandlerFor);
