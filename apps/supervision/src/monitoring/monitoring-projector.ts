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

type Apply<T> = (tx: EntityManager, data: T) => Promise<void>;

/**
 * 电子监察: the topics the monitoring read model is built from, and what each does to it. The
 * same code runs for live events and for a rebuild from the event log. Events of different
 * topics arrive in any order (after an outage, a whole backlog of one topic may come before
 * another's), so each event writes only the columns it knows, as an upsert keyed by what it names
 * (part, case, rectification, licence, notice), and queries join the pieces: no event waits for another.
 */
@Injectable()
export class MonitoringProjector {
  private readonly appliers = new Map<string, Apply<never>>();

  constructor() {
    this.on(Topics.ApplicationReceived, (tx, d: ApplicationReceivedV1) => this.applicationReceived(tx, d));
    this.on(Topics.ApplicationAccepted, (tx, d: ApplicationAcceptedV1) => this.applicationAccepted(tx, d));
    this.on(Topics.ApplicationIssued, (tx, d: ApplicationIssuedV1) => this.applicationIssued(tx, d));
    this.on(Topics.RatingSubmitted, (tx, d: RatingSubmittedV1) => this.ratingSubmitted(tx, d));
    this.on(Topics.RectificationAnswered, (tx, d: RectificationAnsweredV1) => this.rectificationAnswered(tx, d));
    this.on(Topics.CaseOpened, (tx, d: CaseOpenedV1) => this.caseOpened(tx, d));
    this.on(Topics.CaseDeadlineChanged, (tx, d: CaseDeadlineChangedV1) => this.caseDeadlineChanged(tx, d));
    this.on(Topics.CaseColourChanged, (tx, d: CaseColourChangedV1) => this.caseColourChanged(tx, d));
    this.on(Topics.CaseDecided, (tx, d: CaseDecidedV1) => this.caseDecided(tx, d));
    this.on(Topics.LicenceIssued, (tx, d: LicenceIssuedV1) => this.licenceIssued(tx, d));
    this.on(Topics.LicenceRevoked, (tx, d: LicenceRevokedV1) => this.licenceRevoked(tx, d));
    this.on(Topics.SupervisionNoticeCreated, (tx, d: SupervisionNoticeCreatedV1) =>
      this.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { created_at: d.createdAt }),
    );
    this.on(Topics.SupervisionNoticeAcknowledged, (tx, d: SupervisionNoticeAcknowledgedV1) =>
      this.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, {
        acknowledged_at: d.acknowledgedAt,
        acknowledged_on_time: d.onTime,
      }),
    );
    this.on(Topics.SupervisionNoticeEscalated, (tx, d: SupervisionNoticeEscalatedV1) =>
      this.notice(tx, d.noticeId, d.licenceId, d.applicationId, d.supervisingDepartment.code, { escalated_at: d.escalatedAt }),
    );
  }

  /** Whether the read model is built from this topic. */
  uses(topicName: string): boolean {
    return this.appliers.has(topicName);
  }

  /** Live: keeps the envelope in the event log and applies it, in the consumer's transaction. */
  async record(tx: EntityManager, envelope: EventEnvelope, recordedAt: Date): Promise<void> {
    await tx.insert(MonitoringEvent, { eventId: envelope.id, topic: envelope.type, envelope: envelope as never, recordedAt });
    await this.apply(tx, envelope);
  }

  async apply(tx: EntityManager, envelope: EventEnvelope): Promise<void> {
    const applier = this.appliers.get(envelope.type);
    if (!applier) throw new Error(`The monitoring read model does not use ${envelope.type}`);
    await applier(tx, envelope.data as never);
  }

  private on<T extends object>(topic: TopicDefinition<T>, apply: Apply<T>): void {
    this.appliers.set(topic.name, apply as Apply<never>);
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
           committed_working_days, legal_working_days, accepted_at, deadline, form_fields_automatic, form_fields_changed, form_fields_typed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (part_id) DO UPDATE SET item_code = EXCLUDED.item_code, item_name = EXCLUDED.item_name,
           committed_working_days = EXCLUDED.committed_working_days, legal_working_days = EXCLUDED.legal_working_days,
           accepted_at = EXCLUDED.accepted_at, deadline = COALESCE(c.deadline, EXCLUDED.deadline),
           form_fields_automatic = EXCLUDED.form_fields_automatic, form_fields_changed = EXCLUDED.form_fields_changed,
           form_fields_typed = EXCLUDED.form_fields_typed`,
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
        ],
      );
    }
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
      `INSERT INTO ${t} AS c (part_id, application_id, case_id, department_code, department_name, status, decided_at, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (part_id) DO UPDATE SET case_id = EXCLUDED.case_id, status = EXCLUDED.status, decided_at = EXCLUDED.decided_at,
         deadline = COALESCE(EXCLUDED.deadline, c.deadline)`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name, d.outcome, d.decidedAt, d.deadline ?? null],
    );
    // 按时办结: the decision's date in China on or before the deadline in force (suspensions already left out).
    await tx.query(
      `UPDATE ${t} SET on_time = CASE WHEN deadline IS NULL THEN NULL ELSE (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline END WHERE part_id = $1`,
      [d.partId],
    );
  }

  private async licenceIssued(tx: EntityManager, d: LicenceIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringLicence)} (licence_id, application_id, item_code, issued_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (licence_id) DO UPDATE SET item_code = EXCLUDED.item_code, issued_at = EXCLUDED.issued_at`,
      [d.licenceId, d.applicationId, d.itemCode, d.issuedAt],
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
