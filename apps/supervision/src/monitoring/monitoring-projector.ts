import { Injectable } from '@nestjs/common';
import {
  Topics,
  type ApplicationAcceptedV1,
  type ApplicationIssuedV1,
  type ApplicationReceivedV1,
  type CaseColourChangedV1,
  type CaseDeadlineChangedV1,
  type CaseDecidedV1,
  type CaseOpenedV1,
  type ApplicationNoticeIssuedV1,
  type CaseSupplementRequestedV1,
  type EventEnvelope,
  type LicenceIssuedV1,
  type LicenceRevokedV1,
  type RatingSubmittedV1,
  type RectificationAnsweredV1,
  type SupervisionNoticeAcknowledgedV1,
  type SupervisionNoticeCreatedV1,
  type SupervisionNoticeEscalatedV1,
  type TopicDefinition,
} from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { MonitoringRepository } from './monitoring.repository';

/** What a topic's event does to the read model. */
interface Applier {
  topic: TopicDefinition;
  apply(monitoring: MonitoringRepository, tx: EntityManager, data: never): Promise<void>;
}

function applier<T extends object>(
  topic: TopicDefinition<T>,
  apply: (monitoring: MonitoringRepository, tx: EntityManager, data: T) => Promise<void>,
): Applier {
  return { topic: topic as TopicDefinition, apply: apply as Applier['apply'] };
}

/**
 * 电子监察: the topics the monitoring read model is built from, and the write of the read model's
 * repository each makes (the SQL is the repository's). The
 * same code runs for live events and for a rebuild from the event log. Events of different
 * topics arrive in any order (after an outage, a whole backlog of one topic may come before
 * another's), so each event writes only the columns it knows, as an upsert keyed by what it names
 * (part, case, rectification, licence, notice), and queries join the pieces: no event waits for another.
 */
@Injectable()
export class MonitoringProjector {
  /** 电子监察 is built from these topics: intake's and approval's flow, and supervision's own notices. */
  private static readonly appliers: Applier[] = [
    applier(Topics.ApplicationReceived, (monitoring, tx, d: ApplicationReceivedV1) => monitoring.applicationReceived(tx, d)),
    applier(Topics.ApplicationAccepted, (monitoring, tx, d: ApplicationAcceptedV1) => monitoring.applicationAccepted(tx, d)),
    applier(Topics.ApplicationIssued, (monitoring, tx, d: ApplicationIssuedV1) => monitoring.applicationIssued(tx, d)),
    applier(Topics.ApplicationNoticeIssued, (monitoring, tx, d: ApplicationNoticeIssuedV1) => monitoring.windowNoticeIssued(tx, d)),
    applier(Topics.CaseSupplementRequested, (monitoring, tx, d: CaseSupplementRequestedV1) => monitoring.supplementRequested(tx, d)),
    applier(Topics.RatingSubmitted, (monitoring, tx, d: RatingSubmittedV1) => monitoring.ratingSubmitted(tx, d)),
    applier(Topics.RectificationAnswered, (monitoring, tx, d: RectificationAnsweredV1) => monitoring.rectificationAnswered(tx, d)),
    applier(Topics.CaseOpened, (monitoring, tx, d: CaseOpenedV1) => monitoring.caseOpened(tx, d)),
    applier(Topics.CaseDeadlineChanged, (monitoring, tx, d: CaseDeadlineChangedV1) => monitoring.caseDeadlineChanged(tx, d)),
    applier(Topics.CaseColourChanged, (monitoring, tx, d: CaseColourChangedV1) => monitoring.caseColourChanged(tx, d)),
    applier(Topics.CaseDecided, (monitoring, tx, d: CaseDecidedV1) => monitoring.caseDecided(tx, d)),
    applier(Topics.LicenceIssued, (monitoring, tx, d: LicenceIssuedV1) => monitoring.licenceIssued(tx, d)),
    applier(Topics.LicenceRevoked, (monitoring, tx, d: LicenceRevokedV1) => monitoring.licenceRevoked(tx, d)),
    applier(Topics.SupervisionNoticeCreated, (monitoring, tx, d: SupervisionNoticeCreatedV1) =>
      monitoring.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { created_at: d.createdAt }),
    ),
    applier(Topics.SupervisionNoticeAcknowledged, (monitoring, tx, d: SupervisionNoticeAcknowledgedV1) =>
      monitoring.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, {
        acknowledged_at: d.acknowledgedAt,
        acknowledged_on_time: d.onTime,
      }),
    ),
    applier(Topics.SupervisionNoticeEscalated, (monitoring, tx, d: SupervisionNoticeEscalatedV1) =>
      monitoring.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { escalated_at: d.escalatedAt }),
    ),
  ];

  private static readonly applierByTopic = new Map(MonitoringProjector.appliers.map((a) => [a.topic.name, a]));

  /** The topics the monitoring read model is built from, each consumed by one handler. */
  static readonly topics: readonly TopicDefinition[] = MonitoringProjector.appliers.map((a) => a.topic);

  constructor(private readonly monitoring: MonitoringRepository) {}

  /** Whether the read model is built from this topic. */
  uses(topicName: string): boolean {
    return MonitoringProjector.applierByTopic.has(topicName);
  }

  /**
   * Live: keeps the envelopes in the event log, in the consumer's transaction, and answers the ids
   * that were new (an event already logged was applied before).
   */
  async log(tx: EntityManager, envelopes: readonly EventEnvelope[], recordedAt: Date): Promise<Set<string>> {
    return this.monitoring.logEvents(tx, envelopes, recordedAt);
  }

  async apply(tx: EntityManager, envelope: EventEnvelope): Promise<void> {
    const applier = MonitoringProjector.applierByTopic.get(envelope.type);
    if (!applier) throw new Error(`The monitoring read model does not use ${envelope.type}`);
    await applier.apply(this.monitoring, tx, envelope.data as never);
  }
}
