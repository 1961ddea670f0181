import { Injectable } from '@nestjs/common';
import type {
  ApplicationAcceptedV1,
  ApplicationIssuedV1,
  ApplicationNoticeIssuedV1,
  ApplicationReceivedV1,
  CaseColourChangedV1,
  CaseDeadlineChangedV1,
  CaseDecidedV1,
  CaseOpenedV1,
  CaseSupplementRequestedV1,
  EventEnvelope,
  LicenceIssuedV1,
  LicenceRevokedV1,
  PartFormV1,
  RatingSubmittedV1,
  RectificationAnsweredV1,
} from '@onewindow/contracts';
import { quotedTable } from '@onewindow/persistence';
import { type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { pushedOnTime, type CaseFact, type FactFilter, type Facts, type NoticeFact, type RatingFact } from './kpis';
import {
  MonitoringApplication,
  MonitoringCase,
  MonitoringCaseClock,
  MonitoringEvent,
  MonitoringLicence,
  MonitoringNotice,
  MonitoringRating,
  MonitoringRectification,
  READ_MODEL_ENTITIES,
} from './monitoring.entities';
import type { OverdueCase } from './monthly-report';

/** 按时办结 of a decision at `$7` (its time) against `$deadline` (the deadline in force): null without a deadline. */
const ON_TIME = `CASE WHEN $deadline IS NULL THEN NULL ELSE ($7::timestamptz AT TIME ZONE 'Asia/Shanghai')::date <= $deadline END`;

/** A case as the monitoring lists it. */
export interface MonitoredCase {
  partId: string;
  caseId: string | null;
  applicationId: string;
  applicationNumber: string | null;
  departmentCode: string;
  departmentName: string;
  itemCode: string | null;
  itemName: string | null;
  status: string;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  onTime: boolean | null;
  deadline: string | null;
  colour: string;
  suspended: boolean;
  overdue: boolean;
}

export interface MonitoredCaseFilter {
  departmentCode?: string;
  status?: string;
  colour?: string;
  /** 超期预警: only open cases past their deadline. */
  overdue?: boolean;
}

/**
 * 电子监察's read model (the monitored applications, cases, licences, notices and ratings) and the
 * event log it is built from: one repository for the projection's writes and the reports' reads,
 * so the SQL of both (upserts keyed by what an event names; the KPI aggregations) is in one place.
 * The projection writes in the consumer's transaction, which it is passed.
 */
@Injectable()
export class MonitoringRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Live: keeps the envelopes in the event log, in the consumer's transaction, and answers the ids
   * that were new. The log's unique event id is also the monitoring consumers' inbox: an event
   * already in the log was applied before and is not applied again.
   */
  async logEvents(tx: EntityManager, envelopes: readonly EventEnvelope[], recordedAt: Date): Promise<Set<string>> {
    const inserted: Array<{ event_id: string }> = await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringEvent)} (event_id, topic, envelope, recorded_at)
       SELECT e.event_id, e.topic, e.envelope, $4 FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(event_id, topic, envelope, n)
       ORDER BY e.n
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [envelopes.map((e) => e.id), envelopes.map((e) => e.type), envelopes.map((e) => JSON.stringify(e)), recordedAt],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  /**
   * A rebuild's start: locks the log against new entries (live consumers wait, then continue on the
   * rebuilt model) and empties the read model.
   */
  async lockLogAndEmptyReadModel(tx: EntityManager): Promise<void> {
    await tx.query(`LOCK TABLE ${quotedTable(tx, MonitoringEvent)} IN SHARE ROW EXCLUSIVE MODE`);
    await tx.query(`TRUNCATE ${READ_MODEL_ENTITIES.map((entity) => quotedTable(tx, entity)).join(', ')}`);
  }

  /** The next `limit` entries of the log after `afterSeq`, in the order they were first applied. */
  async eventsAfter(tx: EntityManager, afterSeq: string, limit: number): Promise<MonitoringEvent[]> {
    return tx
      .getRepository(MonitoringEvent)
      .createQueryBuilder('e')
      .where('e.seq > :after', { after: afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Deletes up to `limit` log entries recorded before `recordedBefore`, oldest first, in one
   * statement (its own short transaction); answers how many went.
   */
  async purgeEvents(recordedBefore: Date, limit: number): Promise<number> {
    const table = quotedTable(this.dataSource, MonitoringEvent);
    // SKIP LOCKED: a second instance purging at the same time takes other rows instead of waiting.
    const [row] = (await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM ${table} WHERE seq IN (
           SELECT seq FROM ${table} WHERE recorded_at < $1 ORDER BY recorded_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [recordedBefore, limit],
    )) as Array<{ deleted: number }>;
    return row?.deleted ?? 0;
  }

  async applicationReceived(tx: EntityManager, d: ApplicationReceivedV1): Promise<void> {
    const t = quotedTable(tx, MonitoringApplication);
    await tx.query(
      `INSERT INTO ${t} AS a (application_id, application_number, channel, level, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id) DO UPDATE SET application_number = EXCLUDED.application_number,
         channel = COALESCE(a.channel, EXCLUDED.channel), level = COALESCE(a.level, EXCLUDED.level), received_at = EXCLUDED.received_at`,
      [d.applicationId, d.applicationNumber, d.channel, d.level, d.receivedAt],
    );
  }

  async applicationAccepted(tx: EntityManager, d: ApplicationAcceptedV1): Promise<void> {
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
  async windowNoticeIssued(tx: EntityManager, d: ApplicationNoticeIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringApplication)} AS a (application_id, application_number, window_notices) VALUES ($1, $2, 1)
       ON CONFLICT (application_id) DO UPDATE SET window_notices = a.window_notices + 1`,
      [d.applicationId, d.applicationNumber],
    );
  }

  /** 退回补正 during review: counted on the case (the part may be known here only later). */
  async supplementRequested(tx: EntityManager, d: CaseSupplementRequestedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCase)} AS c (part_id, application_id, case_id, department_code, department_name, supplement_requests)
       VALUES ($1, $2, $3, $4, $5, 1)
       ON CONFLICT (part_id) DO UPDATE SET supplement_requests = c.supplement_requests + 1`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name],
    );
  }

  async applicationIssued(tx: EntityManager, d: ApplicationIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringApplication)} (application_id, application_number, issued_at, visits) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id) DO UPDATE SET issued_at = EXCLUDED.issued_at, visits = EXCLUDED.visits`,
      [d.applicationId, d.applicationNumber, d.issuedAt, d.visits],
    );
  }

  async ratingSubmitted(tx: EntityManager, d: RatingSubmittedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringRating)} (rating_id, application_id, department_code, rating, rated_at, follow_up, rectification_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (rating_id) DO NOTHING`,
      [d.ratingId, d.applicationId, d.department.code, d.level, d.ratedAt, Boolean(d.closesRectificationId), d.rectificationId ?? null],
    );
  }

  async rectificationAnswered(tx: EntityManager, d: RectificationAnsweredV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringRectification)} (rectification_id, answered_at) VALUES ($1, $2)
       ON CONFLICT (rectification_id) DO UPDATE SET answered_at = EXCLUDED.answered_at`,
      [d.rectificationId, d.answeredAt],
    );
  }

  async caseOpened(tx: EntityManager, d: CaseOpenedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCase)} AS c (part_id, application_id, case_id, department_code, department_name, deadline)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (part_id) DO UPDATE SET case_id = EXCLUDED.case_id,
         deadline = CASE WHEN c.status = 'open' THEN EXCLUDED.deadline ELSE c.deadline END`,
      [d.partId, d.applicationId, d.caseId, d.department.code, d.department.name, d.deadline],
    );
  }

  async caseDeadlineChanged(tx: EntityManager, d: CaseDeadlineChangedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCaseClock)} AS k (case_id, deadline, suspended, deadline_changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET deadline = EXCLUDED.deadline, suspended = EXCLUDED.suspended, deadline_changed_at = EXCLUDED.deadline_changed_at
       WHERE k.deadline_changed_at IS NULL OR k.deadline_changed_at <= EXCLUDED.deadline_changed_at`,
      [d.caseId, d.deadline, d.suspended, d.changedAt],
    );
  }

  async caseColourChanged(tx: EntityManager, d: CaseColourChangedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringCaseClock)} AS k (case_id, colour, colour_changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET colour = EXCLUDED.colour, colour_changed_at = EXCLUDED.colour_changed_at
       WHERE k.colour_changed_at IS NULL OR k.colour_changed_at <= EXCLUDED.colour_changed_at`,
      [d.caseId, d.colour, d.changedAt],
    );
  }

  async caseDecided(tx: EntityManager, d: CaseDecidedV1): Promise<void> {
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

  async licenceIssued(tx: EntityManager, d: LicenceIssuedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringLicence)} (licence_id, application_id, item_code, item_name, issued_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (licence_id) DO UPDATE SET item_code = EXCLUDED.item_code, item_name = EXCLUDED.item_name, issued_at = EXCLUDED.issued_at`,
      [d.licenceId, d.applicationId, d.itemCode, d.itemName, d.issuedAt],
    );
  }

  async licenceRevoked(tx: EntityManager, d: LicenceRevokedV1): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, MonitoringLicence)} (licence_id, application_id, revoked_at) VALUES ($1, $2, $3)
       ON CONFLICT (licence_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at`,
      [d.licenceId, d.applicationId, d.revokedAt],
    );
  }

  async notice(
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

  /**
   * A case as monitoring shows it: its own row, the application's number, and, while open, the
   * latest colour and deadline (中止 included) from the case's clock. The colour is read at the
   * time of reading: an open case past its deadline is red even before approval's deadline watch
   * has run and announced it (the announced colour only says green or yellow before that).
   */
  async listCases(filter: MonitoredCaseFilter, today: string, { page, pageSize }: PageRequest): Promise<Page<MonitoredCase>> {
    const conditions: Array<readonly [string, string]> = [];
    if (filter.overdue) conditions.push(['status = $', 'open'], ['deadline < $', today]);
    if (filter.departmentCode) conditions.push(['"departmentCode" = $', filter.departmentCode]);
    if (filter.status) conditions.push(['status = $', filter.status]);
    if (filter.colour) conditions.push(['colour = $', filter.colour]);
    const view = `SELECT c.part_id AS "partId", c.case_id AS "caseId", c.application_id AS "applicationId", a.application_number AS "applicationNumber",
        c.department_code AS "departmentCode", c.department_name AS "departmentName", c.item_code AS "itemCode", c.item_name AS "itemName", c.status,
        c.accepted_at AS "acceptedAt", c.decided_at AS "decidedAt", c.on_time AS "onTime",
        to_char(CASE WHEN c.status = 'open' THEN COALESCE(k.deadline, c.deadline) ELSE c.deadline END, 'YYYY-MM-DD') AS deadline,
        CASE WHEN c.status = 'open' AND COALESCE(k.deadline, c.deadline) < $1::date THEN 'red' ELSE COALESCE(k.colour, 'green') END AS colour,
        c.status = 'open' AND COALESCE(k.suspended, false) AS suspended
      FROM ${quotedTable(this.dataSource, MonitoringCase)} c
      LEFT JOIN ${quotedTable(this.dataSource, MonitoringApplication)} a ON a.application_id = c.application_id
      LEFT JOIN ${quotedTable(this.dataSource, MonitoringCaseClock)} k ON k.case_id = c.case_id
      WHERE c.accepted_at IS NOT NULL`;
    // $1 is today (China time) in the view; the conditions' values follow.
    const where = conditions.map(([condition], i) => condition.replace('$', `$${i + 2}`)).join(' AND ');
    const params = [today, ...conditions.map(([, value]) => value)];
    const filtered = `SELECT * FROM (${view}) v${where ? ` WHERE ${where}` : ''}`;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM (${filtered}) f`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `${filtered} ORDER BY deadline ASC NULLS LAST, "partId" ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    )) as Array<Omit<MonitoredCase, 'overdue'>>;
    const items = rows.map((row) => ({ ...row, overdue: row.status === 'open' && row.deadline !== null && row.deadline < today }));
    return { items, total, page, pageSize };
  }

  /** The read model's rows as KPI facts (the joins that give a case its application's channel and visits). */
  async facts(slice: Pick<FactFilter, 'departmentCode' | 'fromMonth' | 'toMonth'>, noticePushOnTimeMinutes: number): Promise<Facts> {
    const manager = this.dataSource.manager;
    const t = (entity: (typeof READ_MODEL_ENTITIES)[number]) => quotedTable(manager, entity);
    const month = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    // The department and the months are chosen in the database (a report reads one department's month,
    // not the whole history); filterFacts applies the finer slices in memory.
    const within = (departmentColumn: string, monthOf: string) => {
      const params: string[] = [];
      const conditions: string[] = [];
      const add = (condition: (placeholder: string) => string, value: string | undefined) => {
        if (value === undefined) return;
        params.push(value);
        conditions.push(condition(`$${params.length}`));
      };
      add((p) => `${departmentColumn} = ${p}`, slice.departmentCode);
      add((p) => `${monthOf} >= ${p}`, slice.fromMonth);
      add((p) => `${monthOf} <= ${p}`, slice.toMonth);
      return { sql: conditions.map((c) => ` AND ${c}`).join(''), params };
    };
    const caseSlice = within('c.department_code', month('c.accepted_at'));
    const ratingSlice = within('r.department_code', month('r.rated_at'));
    const noticeSlice = within('n.department_code', month('n.created_at'));
    const cases = (await manager.query(
      `SELECT c.department_code, c.item_code, a.level, a.channel, ${month('c.accepted_at')} AS month, c.status, c.on_time,
              c.committed_working_days, c.legal_working_days, CASE WHEN a.issued_at IS NULL THEN NULL ELSE a.visits END AS visits,
              c.form_fields_automatic, c.form_fields_changed, c.form_fields_typed,
              c.deficiencies > 0 AS with_deficiencies, c.pledges > 0 AS with_pledges, a.window_notices > 0 AS window_notice,
              c.supplement_requests > 0 AS supplement_requested,
              EXISTS (SELECT 1 FROM ${t(MonitoringLicence)} l WHERE l.application_id = c.application_id AND l.item_code = c.item_code AND l.revoked_at IS NOT NULL) AS revoked
         FROM ${t(MonitoringCase)} c JOIN ${t(MonitoringApplication)} a ON a.application_id = c.application_id
        WHERE c.accepted_at IS NOT NULL AND a.channel IS NOT NULL${caseSlice.sql}`,
      caseSlice.params,
    )) as Array<Record<string, unknown>>;
    const ratings = (await manager.query(
      `SELECT r.department_code, COALESCE(a.level, 'unknown') AS level, COALESCE(a.channel, 'unknown') AS channel, ${month('r.rated_at')} AS month,
              r.rating, r.follow_up, r.rectification_id IS NOT NULL AS opened, x.answered_at IS NOT NULL AS answered,
              (SELECT c.item_code FROM ${t(MonitoringCase)} c WHERE c.application_id = r.application_id AND c.department_code = r.department_code
                ORDER BY c.item_code LIMIT 1) AS item_code
         FROM ${t(MonitoringRating)} r LEFT JOIN ${t(MonitoringApplication)} a ON a.application_id = r.application_id
         LEFT JOIN ${t(MonitoringRectification)} x ON x.rectification_id = r.rectification_id
        WHERE true${ratingSlice.sql}`,
      ratingSlice.params,
    )) as Array<Record<string, unknown>>;
    const notices = (await manager.query(
      `SELECT n.department_code, l.item_code, COALESCE(a.level, 'unknown') AS level, COALESCE(a.channel, 'unknown') AS channel,
              ${month('n.created_at')} AS month, n.created_at, l.issued_at, n.acknowledged_at IS NOT NULL AS acknowledged,
              COALESCE(n.acknowledged_on_time, false) AS acknowledged_on_time, n.escalated_at IS NOT NULL AS escalated
         FROM ${t(MonitoringNotice)} n JOIN ${t(MonitoringLicence)} l ON l.licence_id = n.licence_id
         LEFT JOIN ${t(MonitoringApplication)} a ON a.application_id = n.application_id
        WHERE n.created_at IS NOT NULL AND l.issued_at IS NOT NULL${noticeSlice.sql}`,
      noticeSlice.params,
    )) as Array<Record<string, unknown>>;
    return {
      cases: cases.map((r): CaseFact => ({
        departmentCode: String(r['department_code']),
        itemCode: String(r['item_code']),
        level: String(r['level']),
        channel: String(r['channel']),
        month: String(r['month']),
        status: r['status'] as CaseFact['status'],
        onTime: r['on_time'] as boolean | null,
        committedWorkingDays: Number(r['committed_working_days']),
        legalWorkingDays: Number(r['legal_working_days']),
        visits: r['visits'] === null ? null : Number(r['visits']),
        formFields:
          r['form_fields_automatic'] === null
            ? null
            : {
                automatic: Number(r['form_fields_automatic']),
                changed: Number(r['form_fields_changed']),
                typed: Number(r['form_fields_typed']),
              },
        withDeficiencies: Boolean(r['with_deficiencies']),
        withPledges: Boolean(r['with_pledges']),
        windowNotice: Boolean(r['window_notice']),
        supplementRequested: Boolean(r['supplement_requested']),
        revoked: Boolean(r['revoked']),
      })),
      ratings: ratings.map((r): RatingFact => ({
        departmentCode: String(r['department_code']),
        itemCode: r['item_code'] === null ? null : String(r['item_code']),
        level: String(r['level']),
        channel: String(r['channel']),
        month: String(r['month']),
        rating: Number(r['rating']),
        followUp: Boolean(r['follow_up']),
        rectificationOpened: Boolean(r['opened']),
        rectificationAnswered: Boolean(r['answered']),
      })),
      notices: notices.map((r): NoticeFact => ({
        departmentCode: String(r['department_code']),
        itemCode: String(r['item_code']),
        level: String(r['level']),
        channel: String(r['channel']),
        month: String(r['month']),
        pushedOnTime: pushedOnTime(new Date(r['issued_at'] as string), new Date(r['created_at'] as string), noticePushOnTimeMinutes),
        acknowledged: Boolean(r['acknowledged']),
        acknowledgedOnTime: Boolean(r['acknowledged_on_time']),
        escalated: Boolean(r['escalated']),
      })),
    };
  }

  /** 月报's overdue list: the department's cases due in the month that were decided late, or are open past their deadline on `today`. */
  async overdueCasesDueIn(departmentCode: string, month: string, today: string): Promise<OverdueCase[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.application_number, c.item_code, c.item_name, to_char(d.deadline, 'YYYY-MM-DD') AS deadline, c.status,
              to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS decided_on
         FROM ${quotedTable(this.dataSource, MonitoringCase)} c
         JOIN ${quotedTable(this.dataSource, MonitoringApplication)} a ON a.application_id = c.application_id
         LEFT JOIN ${quotedTable(this.dataSource, MonitoringCaseClock)} k ON k.case_id = c.case_id
         CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'open' THEN COALESCE(k.deadline, c.deadline) ELSE c.deadline END AS deadline) d
        WHERE c.department_code = $1 AND to_char(d.deadline, 'YYYY-MM') = $2
          AND ((c.status <> 'open' AND c.on_time = false) OR (c.status = 'open' AND d.deadline < $3::date))
        ORDER BY d.deadline, a.application_number`,
      [departmentCode, month, today],
    )) as Array<{
      application_number: string;
      item_code: string;
      item_name: string;
      deadline: string;
      status: string;
      decided_on: string | null;
    }>;
    return rows.map((r) => ({
      applicationNumber: r.application_number,
      itemCode: r.item_code,
      itemName: r.item_name,
      deadline: r.deadline,
      decidedOn: r.decided_on,
      status: r.status,
    }));
  }

  /**
   * Item names from any case or licence of the item, whichever department handled it: a
   * supervising department (卫健委 for food permits) reports items it never approves.
   */
  async itemNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT item_code, max(item_name) AS item_name FROM (
         SELECT item_code, item_name FROM ${quotedTable(this.dataSource, MonitoringCase)} WHERE item_code = ANY($1) AND item_name IS NOT NULL
         UNION ALL
         SELECT item_code, item_name FROM ${quotedTable(this.dataSource, MonitoringLicence)} WHERE item_code = ANY($1) AND item_name IS NOT NULL
       ) named GROUP BY item_code`,
      [codes],
    )) as Array<{ item_code: string; item_name: string }>;
    return new Map(rows.map((row) => [row.item_code, row.item_name]));
  }

  /** Whether the read model has seen a case or rating of the department (one not on the district's list may still be known). */
  async hasSeenDepartment(code: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, MonitoringCase)} WHERE department_code = $1)
           OR EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, MonitoringRating)} WHERE department_code = $1) AS known`,
      [code],
    )) as Array<{ known: boolean }>;
    return row?.known === true;
  }

  /** The department's name as its cases carried it, or null when the read model has no case of it. */
  async departmentNameSeen(code: string): Promise<string | null> {
    const known = await this.dataSource
      .getRepository(MonitoringCase)
      .findOne({ where: { departmentCode: code }, select: { departmentName: true } });
    return known ? known.departmentName : null;
  }
}

/** How a part's form answers were filled: from shared data and kept, filled then changed, typed. Nulls before forms. */
export function formFieldCounts(form: PartFormV1 | undefined): [number | null, number | null, number | null] {
  if (!form) return [null, null, null];
  const automatic = form.fields.filter((field) => field.source && !field.source.changed).length;
  const changed = form.fields.filter((field) => field.source?.changed).length;
  return [automatic, changed, form.fields.length - automatic - changed];
}
