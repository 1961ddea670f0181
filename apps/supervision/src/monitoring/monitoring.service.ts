import { Injectable, Logger } from '@nestjs/common';
import { localDateInShanghai } from '@onewindow/domain';
import { Clock, DomainError, departmentScope, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { departmentRef, isListedDepartment } from '../departments';
import { SupervisionConfig } from '../supervision.config';
import { computeKpis, filterFacts, kpisBy, type FactFilter, type Facts, type KpiDimension } from './kpis';
import { MonitoringProjector } from './monitoring-projector';
import type { MonitoringEvent } from './monitoring.entities';
import { MonitoringRepository, type MonitoredCase } from './monitoring.repository';
import { type MonthlyReport } from './monthly-report';
import { SUPERVISION_ERRORS } from '../supervision-errors';

const REBUILD_BATCH = 500;

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
    private readonly monitoring: MonitoringRepository,
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
    return this.monitoring.listCases(
      {
        ...(department ? { departmentCode: department } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.colour ? { colour: query.colour } : {}),
      },
      this.today(),
      query,
    );
  }

  /** 超期预警: open cases past their deadline today, the longest overdue first. */
  async overdue(user: AuthenticatedUser, departmentCode: string | undefined, page: number, pageSize: number) {
    const department = this.departmentFor(user, departmentCode);
    const today = this.today();
    const rows = await this.monitoring.listCases({ overdue: true, ...(department ? { departmentCode: department } : {}) }, today, {
      page,
      pageSize,
    });
    return { ...rows, today };
  }

  /** KPIs of one slice, overall and broken down by a dimension. */
  async kpis(user: AuthenticatedUser, filter: FactFilter, groupBy: KpiDimension | undefined) {
    const department = this.departmentFor(user, filter.departmentCode);
    const slice = { ...filter, ...(department ? { departmentCode: department } : {}) };
    const facts = filterFacts(await this.facts(slice), slice);
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
    const facts = filterFacts(await this.facts(slice), slice);
    const today = this.today();
    const overdue = await this.monitoring.overdueCasesDueIn(code, month, today);
    const groups = kpisBy(facts, 'item');
    const nameOf = await this.monitoring.itemNames(groups.map((group) => group.key));
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
      await this.monitoring.lockLogAndEmptyReadModel(tx);
      let applied = 0;
      let after = '0';
      for (;;) {
        const batch = await this.monitoring.eventsAfter(tx, after, REBUILD_BATCH);
        for (const event of batch) await this.projector.apply(tx, event.envelope);
        applied += batch.length;
        if (batch.length < REBUILD_BATCH) break;
        after = (batch[batch.length - 1] as MonitoringEvent).seq;
      }
      this.logger.log(`Monitoring read model rebuilt from ${applied} event(s)`);
      return { events: applied };
    });
  }

  /** The read model's rows as KPI facts, the department and months chosen in the database. */
  private async facts(slice: Pick<FactFilter, 'departmentCode' | 'fromMonth' | 'toMonth'>): Promise<Facts> {
    return this.monitoring.facts(slice, this.config.noticePushOnTimeMinutes);
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
    return isListedDepartment(code) || (await this.monitoring.hasSeenDepartment(code));
  }

  private async departmentNamed(code: string): Promise<{ code: string; name: string }> {
    const name = await this.monitoring.departmentNameSeen(code);
    return name !== null ? { code, name } : departmentRef(code);
  }
}
