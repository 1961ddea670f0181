import { Injectable } from '@nestjs/common';
import {
  Topics,
  type ApplicationAcceptedV1,
  type PartFormV1,
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
import { quotedTable } from '@onewindow/persistence';
import type { EntityManager } from 'typeorm';
import {
  MonitoringApplication,
  MonitoringCase,
  MonitoringCaseClock,
  MonitoringEvent,
  MonitoringLicence,
  MonitoringNotice,
  MonitoringRating,
  MonitoringRectification,
} from './monitoring.entities';

/** 按时办结 of a decision at `$7` (its time) against `$deadline` (the deadline in force): null without a deadline. */
const ON_TIME = `CASE WHEN $deadline IS NULL THEN NULL ELSE ($7::timestamptz AT TIME ZONE 'Asia/Shanghai')::date <= $deadline END`;

/** What a topic's event does to the read model. */
interface Applier {
  topic: TopicDefinition;
  apply(projector: MonitoringProjector, tx: EntityManager, data: never): Promise<void>;
}

function applier<T extends object>(topic: TopicDefinition<T>, apply: (projector: MonitoringProjector, tx: EntityManager, data: T) => Promise<void>): Applier {
  return { topic: topic as TopicDefinition, apply: apply as Applier['apply'] };
}

/**
 * 电子监察: the topics the monitoring read model is built from, and what each does to it. The
 * same code runs for live events and for a rebuild from the event log. Events of different
 * topics arrive in any order (after an outage, a whole backlog of one topic may come before
 * another's), so each event writes only the columns it knows, as an upsert keyed by what it names
 * (part, case, rectification, licence, notice), and queries join the pieces: no event waits for another.
 */
@Injectable()
export class MonitoringProjector {
  /** 电子监察 is built from these topics: intake's and approval's flow, and supervision's own notices. */
  private static readonly appliers: Applier[] = [
    applier(Topics.ApplicationReceived, (projector, tx, d: ApplicationReceivedV1) => projector.applicationReceived(tx, d)),
    applier(Topics.ApplicationAccepted, (projector, tx, d: ApplicationAcceptedV1) => projector.applicationAccepted(tx, d)),
    applier(Topics.ApplicationIssued, (projector, tx, d: ApplicationIssuedV1) => projector.applicationIssued(tx, d)),
    applier(Topics.ApplicationNoticeIssued, (projector, tx, d: ApplicationNoticeIssuedV1) => projector.windowNoticeIssued(tx, d)),
    applier(Topics.CaseSupplementRequested, (projector, tx, d: CaseSupplementRequestedV1) => projector.supplementRequested(tx, d)),
    applier(Topics.RatingSubmitted, (projector, tx, d: RatingSubmittedV1) => projector.ratingSubmitted(tx, d)),
    applier(Topics.RectificationAnswered, (projector, tx, d: RectificationAnsweredV1) => projector.rectificationAnswered(tx, d)),
    applier(Topics.CaseOpened, (projector, tx, d: CaseOpenedV1) => projector.caseOpened(tx, d)),
    applier(Topics.CaseDeadlineChanged, (projector, tx, d: CaseDeadlineChangedV1) => projector.caseDeadlineChanged(tx, d)),
    applier(Topics.CaseColourChanged, (projector, tx, d: CaseColourChangedV1) => projector.caseColourChanged(tx, d)),
    applier(Topics.CaseDecided, (projector, tx, d: CaseDecidedV1) => projector.caseDecided(tx, d)),
    applier(Topics.LicenceIssued, (projector, tx, d: LicenceIssuedV1) => projector.licenceIssued(tx, d)),
    applier(Topics.LicenceRevoked, (projector, tx, d: LicenceRevokedV1) => projector.licenceRevoked(tx, d)),
    applier(Topics.SupervisionNoticeCreated, (projector, tx, d: SupervisionNoticeCreatedV1) =>
      projector.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { created_at: d.createdAt }),
    ),
    applier(Topics.SupervisionNoticeAcknowledged, (projector, tx, d: SupervisionNoticeAcknowledgedV1) =>
      projector.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, {
        acknowledged_at: d.acknowledgedAt,
        acknowledged_on_time: d.onTime,
      }),
    ),
    applier(Topics.SupervisionNoticeEscalated, (projector, tx, d: SupervisionNoticeEscalatedV1) =>
      projector.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { escalated_at: d.escalatedAt }),
    ),
  ];

  private static readonly applierByTopic = new Map(MonitoringProjector.appliers.map((a) => [a.topic.name, a]));

  /** The topics the monitoring read model is built from, each consumed by one handler. */
  static readonly topics: readonly TopicDefinition[] = MonitoringProjector.appliers.map((a) => a.topic);

  /** Whether the read model is built from this topic. */
  uses(topicName: string): boolean {
    return MonitoringProjector.applierByTopic.has(topicName);
  }

  /**
   * Live: keeps the envelopes in the event log, in the consumer's transaction, and answers the ids
   * that were new. The log's unique event id is also the monitoring consumers' inbox: an event
   * already in the log was applied before and is not applied again.
   */
  async log(tx: EntityManager, envelopes: readonly EventEnvelope[], recordedAt: Date): Promise<Set<string>> {
    const inserted: Array<{ event_id: string }> = await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringEvent)} (event_id, topic, envelope, recorded_at)
       SELECT e.event_id, e.topic, e.envelope, $4 FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(event_id, topic, envelope, n)
       ORDER BY e.n
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [envelopes.map((e) => e.id), envelopes.map((e) => e.type), envelopes.map((e) => JSON.stringify(e)), recordedAt],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  async apply(tx: EntityManager, envelope: EventEnvelope): Promise<void> {
    const applier = MonitoringProjector.applierByTopic.get(envelope.type);
    if (!applier) throw new Error(`The monitoring read model does not use ${envelope.type}`);
    await applier.apply(this, tx, envelope.data as never);
  }

  private async applicationReceived(tx: EntityManager, d: ApplicationReceivedV1): Promise<void> {
    const t = quotedTable(tx, MonitoringApplication);
    await tx.query(
      `INSERT INTO ${t} AS a (application_id, application_number, channel, level, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id) DO UPDATE SET application_number = EXCLUDED.application_number,
         channel = COALESCE(a.channel, EXCLUDED.channel), level = COALESCE(a.level, EXCLUDED.level), received_at = EXCLUDED.received_at`,
      [d.applicationId, d.applicationNumber, d.channel, d.level, d.receivedAt],
    );
  }

  private async applicationAccepted(tx: EntityManager, d: ApplicationAcceptedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringApplication)} (application_id, application_number, channel, level, accepted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id) DO UPDATE SET application_number = EXCLUDED.application_number,
         channel = EXCLUDED.channel, level = EXCLUDED.level, accepted_at = EXCLUDED.accepted_at`,
      [d.applicationId, d.applicationNumber, d.channel, d.level, d.acceptedAt],
    );
    const t = quotedTable(tx, MonitoringCase);
    for (const part of d.parts) {
      await tx.query(
        `INSERT INTO ${t} AS c (part_id, application_id, department_code, department_name, item_code, item_name,
           committed_working_days, legal_working_days, accepted_at, deadline, form_fields_automatic, form_fields_changed, form_fields_typed,
           deficiencies, pledges)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (part_id) DO UPDATE SET item_code = EXCLUDED.item_code, item_name = EXCLUDED.item_name,
           committed_working_days = EXCLUDED.committed_working_days, legal_working_days = EXCLUDED.legal_working_days,
           accepted_at = EXCLUDED.accepted_at, deadline = COALESCE(c.deadline, EXCLUDED.deadline),
           form_fields_automatic = EXCLUDED.form_fields_automatic, form_fields_changed = EXCLUDED.form_fields_changed,
           form_fields_typed = EXCLUDED.form_fields_typed, deficiencies = EXCLUDED.deficiencies, pledges = EXCLUDED.pledges`,
        [
          part.partId,
          d.applicationId,
          part.department.code,
          part.department.name,
          part.itemCode,
          part.itemName,
          part.committedWorkingDays,
          part.legalWorkingDays,
          d.acceptedAt,
          part.promisedDeadline,
          ...formFieldCounts(part.form),
          part.deficiencies.length,
          part.pledges.length,
        ],
      );
    }
  }

  /** 一次性告知 before acceptance (窗口补正): counted on the application. */
  private async windowNoticeIssued(tx: EntityManager, d: ApplicationNoticeIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringApplication)} AS a (application_id, application_number, window_notices) VALUES ($1, $2, 1)
       ON CONFLICT (application_id) DO UPDATE SET window_notices = a.window_notices + 1`,
      [d.applicationId, d.applicationNumber],
    );
  }

  /** 退回补正 during review: counted on the case (the part may be known here only later). */
  private async supplementRequested(tx: EntityManager, d: CaseSupplementRequestedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCase)} AS c (part_id, application_id, case_id, department_code, department_name, supplement_requests)
       VALUES ($1, $2, $3, $4, $5, 1)
       ON CONFLICT (part_id) DO UPDATE SET supplement_requests = c.supplement_requests + 1`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name],
    );
  }

  private async applicationIssued(tx: EntityManager, d: ApplicationIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringApplication)} (application_id, application_number, issued_at, visits) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id) DO UPDATE SET issued_at = EXCLUDED.issued_at, visits = EXCLUDED.visits`,
      [d.applicationId, d.applicationNumber, d.issuedAt, d.visits],
    );
  }

  private async ratingSubmitted(tx: EntityManager, d: RatingSubmittedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringRating)} (rating_id, application_id, department_code, rating, rated_at, follow_up, rectification_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (rating_id) DO NOTHING`,
      [d.ratingId, d.applicationId, d.department.code, d.level, d.ratedAt, Boolean(d.closesRectificationId), d.rectificationId ?? null],
    );
  }

  private async rectificationAnswered(tx: EntityManager, d: RectificationAnsweredV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringRectification)} (rectification_id, answered_at) VALUES ($1, $2)
       ON CONFLICT (rectification_id) DO UPDATE SET answered_at = EXCLUDED.answered_at`,
      [d.rectificationId, d.answeredAt],
    );
  }

  private async caseOpened(tx: EntityManager, d: CaseOpenedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCase)} AS c (part_id, application_id, case_id, department_code, department_name, deadline)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (part_id) DO UPDATE SET case_id = EXCLUDED.case_id,
         deadline = CASE WHEN c.status = 'open' THEN EXCLUDED.deadline ELSE c.deadline END`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name, d.deadline],
    );
  }

  private async caseDeadlineChanged(tx: EntityManager, d: CaseDeadlineChangedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCaseClock)} AS k (case_id, deadline, suspended, deadline_changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET deadline = EXCLUDED.deadline, suspended = EXCLUDED.suspended, deadline_changed_at = EXCLUDED.deadline_changed_at
       WHERE k.deadline_changed_at IS NULL OR k.deadline_changed_at <= EXCLUDED.deadline_changed_at`,
      [d.caseId, d.deadline, d.suspended, d.changedAt],
    );
  }

  private async caseColourChanged(tx: EntityManager, d: CaseColourChangedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCaseClock)} AS k (case_id, colour, colour_changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET colour = EXCLUDED.colour, colour_changed_at = EXCLUDED.colour_changed_at
       WHERE k.colour_changed_at IS NULL OR k.colour_changed_at <= EXCLUDED.colour_changed_at`,
      [d.caseId, d.colour, d.changedAt],
    );
  }

  private async caseDecided(tx: EntityManager, d: CaseDecidedV1): Promise<void> {
    const t = quotedTable(tx, MonitoringCase);
    await tx.query(
      // 按时办结 in the same write: the decision's date in China on or before the deadline in force (suspensions already left out).
      `INSERT INTO ${t} AS c (part_id, application_id, case_id, department_code, department_name, status, decided_at, deadline, on_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::date, ${ON_TIME.replace(/\$deadline/g, '$8::date')})
       ON CONFLICT (part_id) DO UPDATE SET case_id = EXCLUDED.case_id, status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
         deadline = COALESCE(EXCLUDED.deadline, c.deadline), on_time = ${ON_TIME.replace(/\$deadline/g, 'COALESCE(EXCLUDED.deadline, c.deadline)')}`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name, d.outcome, d.decidedAt, d.deadline ?? null],
    );
  }

  private async licenceIssued(tx: EntityManager, d: LicenceIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringLicence)} (licence_id, application_id, item_code, item_name, issued_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (licence_id) DO UPDATE SET item_code = EXCLUDED.item_code, item_name = EXCLUDED.item_name, issued_at = EXCLUDED.issued_at`,
      [d.licenceId, d.applicationId, d.itemCode, d.itemName, d.issuedAt],
    );
  }

  private async licenceRevoked(tx: EntityManager, d: LicenceRevokedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringLicence)} (licence_id, application_id, revoked_at) VALUES ($1, $2, $3)
       ON CONFLICT (licence_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at`,
      [d.licenceId, d.applicationId, d.revokedAt],
    );
  }

  private async notice(
    tx: EntityManager,
    noticeId: string,
    licenceId: string,
    applicationId: string,
    departmentCode: string,
    columns: Record<string, string | boolean>,
  ): Promise<void> {
    const names = Object.keys(columns);
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringNotice)} (notice_id, licence_id, application_id, department_code, ${names.join(', ')})
       VALUES ($1, $2, $3, $4, ${names.map((_, i) => `$${i + 5}`).join(', ')})
       ON CONFLICT (notice_id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}`,
      [noticeId, licenceId, applicationId, departmentCode, ...Object.values(columns)],
    );
  }
}

/** How a part's form answers were filled: from shared data and kept, filled then changed, typed. Nulls before forms. */
export function formFieldCounts(form: PartFormV1 | undefined): [number | null, number | null, number | null] {
  if (!form) return [null, null, null];
  const automatic = form.fields.filter((field) => field.source && !field.source.changed).length;
  const changed = form.fields.filter((field) => field.source?.changed).length;
  return [automatic, changed, form.fields.length - automatic - changed];
}
