import { Injectable, Logger } from '@nestjs/common';
import { localDateInShanghai } from '@onewindow/domain';
import { quotedTable } from '@onewindow/persistence';
import { Clock, DomainError, departmentScope, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { departmentRef, isListedDepartment } from '../departments';
import { SupervisionConfig } from '../supervision.config';
import { computeKpis, filterFacts, kpisBy, type CaseFact, type FactFilter, type Facts, type KpiDimension, type NoticeFact, type RatingFact } from './kpis';
import { MonitoringProjector } from './monitoring-projector';
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
import { type MonthlyReport, type OverdueCase } from './monthly-report';
import { SUPERVISION_ERRORS } from '../supervision-errors';

const REBUILD_BATCH = 500;

/** Whether a notice went out within the push limit after its licence was issued. */
export function pushedOnTime(licenceIssuedAt: Date, noticeCreatedAt: Date, limitMinutes: number): boolean {
  return noticeCreatedAt.getTime() - licenceIssuedAt.getTime() <= limitMinutes * 60_000;
}

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

export interface CaseQuery {
  status?: 'open' | 'approved' | 'refused';
  colour?: 'green' | 'yellow' | 'red';
  departmentCode?: string;
  page: number;
  pageSize: number;
}

/** 电子监察: queries over the read model, the KPIs, the monthly report and the rebuild. */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger('Monitoring');

  constructor(
    private readonly dataSource: DataSource,
    private readonly projector: MonitoringProjector,
    private readonly clock: Clock,
    private readonly config: SupervisionConfig,
  ) {}

  today(): string {
    return localDateInShanghai(this.clock.now());
  }

  /** Cases with their deadline colours (红绿灯), the most urgent first; a department role sees its own. */
  async cases(user: AuthenticatedUser, query: CaseQuery): Promise<Page<MonitoredCase>> {
    const department = this.departmentFor(user, query.departmentCode);
    return this.caseRows(
      [
        ...(department ? [['"departmentCode" = $', department] as const] : []),
        ...(query.status ? [['status = $', query.status] as const] : []),
        ...(query.colour ? [['colour = $', query.colour] as const] : []),
      ],
      query.page,
      query.pageSize,
    );
  }

  /** 超期预警: open cases past their deadline today, the longest overdue first. */
  async overdue(user: AuthenticatedUser, departmentCode: string | undefined, page: number, pageSize: number) {
    const department = this.departmentFor(user, departmentCode);
    const today = this.today();
    const rows = await this.caseRows(
      [['status = $', 'open'], ['deadline < $', today], ...(department ? [['"departmentCode" = $', department] as const] : [])],
      page,
      pageSize,
    );
    return { ...rows, today };
  }

  /**
   * A case as monitoring shows it: its own row, the application's number, and, while open, the
   * latest colour and deadline (中止 included) from the case's clock. The colour is read at the
   * time of reading: an open case past its deadline is red even before approval's deadline watch
   * has run and announced it (the announced colour only says green or yellow before that).
   */
  private async caseRows(conditions: ReadonlyArray<readonly [string, string]>, page: number, pageSize: number): Promise<Page<MonitoredCase>> {
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
    const today = this.today();
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

  /** KPIs of one slice, overall and broken down by a dimension. */
  async kpis(user: AuthenticatedUser, filter: FactFilter, groupBy: KpiDimension | undefined) {
    const department = this.departmentFor(user, filter.departmentCode);
    const slice = { ...filter, ...(department ? { departmentCode: department } : {}) };
    const facts = filterFacts(await this.facts(this.dataSource.manager, slice), slice);
    return {
      filter: { ...filter, ...(department ? { departmentCode: department } : {}) },
      overall: computeKpis(facts),
      ...(groupBy ? { groupBy, groups: kpisBy(facts, groupBy) } : {}),
    };
  }

  /** 月报: one department's KPIs for a month and the cases that went past their deadline in it. */
  async monthlyReport(user: AuthenticatedUser, month: string, departmentCode: string | undefined): Promise<MonthlyReport> {
    const code = this.departmentFor(user, departmentCode);
    if (!code) throw DomainError.validation([{ path: 'department', code: 'REQUIRED', message: '请指定部门' }]);
    if (departmentScope(user).kind === 'all' && !(await this.isKnownDepartment(code))) {
      throw SUPERVISION_ERRORS.DEPARTMENT_NOT_FOUND({ code });
    }
    const slice = { departmentCode: code, fromMonth: month, toMonth: month };
    const facts = filterFacts(await this.facts(this.dataSource.manager, slice), slice);
    const today = this.today();
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
      [code, month, today],
    )) as Array<{ application_number: string; item_code: string; item_name: string; deadline: string; status: string; decided_on: string | null }>;
    const overdue: OverdueCase[] = rows.map((r) => ({
      applicationNumber: r.application_number,
      itemCode: r.item_code,
      itemName: r.item_name,
      deadline: r.deadline,
      decidedOn: r.decided_on,
      status: r.status,
    }));
    const groups = kpisBy(facts, 'item');
    const nameOf = await this.itemNames(groups.map((group) => group.key));
    const items = groups.map(({ key, kpis }) => ({ itemCode: key, itemName: nameOf.get(key) ?? key, kpis }));
    return { month, department: await this.departmentNamed(code), producedOn: today, kpis: computeKpis(facts), items, overdue };
  }

  /**
   * Empties the read model and applies the event log again, in the order it was first applied,
   * in one transaction. The log is locked against new entries meanwhile, so live consumers
   * wait and then continue on the rebuilt model.
   */
  async rebuild(): Promise<{ events: number }> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ${quotedTable(tx, MonitoringEvent)} IN SHARE ROW EXCLUSIVE MODE`);
      await tx.query(`TRUNCATE ${READ_MODEL_ENTITIES.map((entity) => quotedTable(tx, entity)).join(', ')}`);
      let applied = 0;
      let after = '0';
      for (;;) {
        const batch = await tx
          .getRepository(MonitoringEvent)
          .createQueryBuilder('e')
          .where('e.seq > :after', { after })
          .orderBy('e.seq', 'ASC')
          .limit(REBUILD_BATCH)
          .getMany();
        for (const event of batch) await this.projector.apply(tx, event.envelope);
        applied += batch.length;
        if (batch.length < REBUILD_BATCH) break;
        after = (batch[batch.length - 1] as MonitoringEvent).seq;
      }
      this.logger.log(`Monitoring read model rebuilt from ${applied} event(s)`);
      return { events: applied };
    });
  }

  /** The read model's rows as KPI facts (the joins that give a case its application's channel and visits). */
  async facts(manager: EntityManager, slice: Pick<FactFilter, 'departmentCode' | 'fromMonth' | 'toMonth'> = {}): Promise<Facts> {
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
      cases: cases.map(
        (r): CaseFact => ({
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
              : { automatic: Number(r['form_fields_automatic']), changed: Number(r['form_fields_changed']), typed: Number(r['form_fields_typed']) },
          withDeficiencies: Boolean(r['with_deficiencies']),
          withPledges: Boolean(r['with_pledges']),
          windowNotice: Boolean(r['window_notice']),
          supplementRequested: Boolean(r['supplement_requested']),
          revoked: Boolean(r['revoked']),
        }),
      ),
      ratings: ratings.map(
        (r): RatingFact => ({
          departmentCode: String(r['department_code']),
          itemCode: r['item_code'] === null ? null : String(r['item_code']),
          level: String(r['level']),
          channel: String(r['channel']),
          month: String(r['month']),
          rating: Number(r['rating']),
          followUp: Boolean(r['follow_up']),
          rectificationOpened: Boolean(r['opened']),
          rectificationAnswered: Boolean(r['answered']),
        }),
      ),
      notices: notices.map(
        (r): NoticeFact => ({
          departmentCode: String(r['department_code']),
          itemCode: String(r['item_code']),
          level: String(r['level']),
          channel: String(r['channel']),
          month: String(r['month']),
          pushedOnTime: pushedOnTime(new Date(r['issued_at'] as string), new Date(r['created_at'] as string), this.config.noticePushOnTimeMinutes),
          acknowledged: Boolean(r['acknowledged']),
          acknowledgedOnTime: Boolean(r['acknowledged_on_time']),
          escalated: Boolean(r['escalated']),
        }),
      ),
    };
  }

  /**
   * Item names from any case or licence of the item, whichever department handled it: a
   * supervising department (卫健委 for food permits) reports items it never approves.
   */
  private async itemNames(codes: string[]): Promise<Map<string, string>> {
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

  /** A department role is held to its own department; management may pick one or see all. */
  private departmentFor(user: AuthenticatedUser, requested: string | undefined): string | undefined {
    const scope = departmentScope(user);
    switch (scope.kind) {
      case 'all':
        return requested;
      case 'department':
        if (requested !== undefined && requested !== scope.code) throw SUPERVISION_ERRORS.DEPARTMENT_OUT_OF_SCOPE();
        return scope.code;
      case 'none':
        throw SUPERVISION_ERRORS.DEPARTMENT_OUT_OF_SCOPE();
    }
  }

  /** A department of the district's list, or one the read model has seen a case or rating of. */
  private async isKnownDepartment(code: string): Promise<boolean> {
    if (isListedDepartment(code)) return true;
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, MonitoringCase)} WHERE department_code = $1)
           OR EXISTS (SELECT 1 FROM ${quotedTable(this.dataSource, MonitoringRating)} WHERE department_code = $1) AS known`,
      [code],
    )) as Array<{ known: boolean }>;
    return row?.known === true;
  }

  private async departmentNamed(code: string): Promise<{ code: string; name: string }> {
    const known = await this.dataSource.getRepository(MonitoringCase).findOne({ where: { departmentCode: code }, select: { departmentName: true } });
    return known ? { code, name: known.departmentName } : departmentRef(code);
  }
}
