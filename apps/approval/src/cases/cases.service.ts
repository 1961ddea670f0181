import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { DeadlineColour } from '../deadlines/deadline-ledger';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ApplicationProgress } from './application-progress.entity';
import { ApprovalCase, type CaseStatus } from './approval-case.entity';
import { CaseForm } from './case-form.entity';
import { findCaseInScope, scopeCases } from './case-access';
import { toCaseView, type ApplicationCasesView, type CaseDossierView, type CaseView } from './case.view';
import { APPROVAL_ERRORS } from '../approval-errors';

export interface CaseFilter {
  status?: CaseStatus;
  colour?: DeadlineColour;
  itemCode?: string;
  applicationNumber?: string;
  greenChannel?: boolean;
  /** Only cases assigned to the caller (not the pool). */
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** The department queue (部门审批件): what each approver sees, and the bundle view of a lead department. */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** A case as the queue and the case page show it: with the working days left to its deadline (剩余工作日). */
  private view(approvalCase: ApprovalCase): CaseView {
    return toCaseView(approvalCase, this.deadlines.workingDaysLeft(approvalCase));
  }

  /** Green-channel cases first, then the earliest deadline. */
  async list(user: AuthenticatedUser, filter: CaseFilter): Promise<Page<CaseView>> {
    const query = this.dataSource.getRepository(ApprovalCase).createQueryBuilder('c');
    scopeCases(query, user, 'write');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.colour) query.andWhere('c.colour = :colour', { colour: filter.colour });
    if (filter.itemCode) query.andWhere('c.item_code = :itemCode', { itemCode: filter.itemCode });
    if (filter.applicationNumber) query.andWhere('c.application_number = :number', { number: filter.applicationNumber });
    if (filter.greenChannel !== undefined) query.andWhere('c.green_channel = :green', { green: filter.greenChannel });
    if (filter.mine) query.andWhere('c.assignee_id = :me', { me: user.id });
    const [items, total] = await query
      .orderBy('c.green_channel', 'DESC')
      .addOrderBy('c.deadline', 'ASC')
      .addOrderBy('c.opened_at', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items: items.map((item) => this.view(item)), total, page: filter.page, pageSize: filter.pageSize };
  }

  /** One case as the approver reads it: with the application form (and where its auto-filled answers came from) and the materials. */
  async get(user: AuthenticatedUser, id: string): Promise<CaseDossierView> {
    const approvalCase = await findCaseInScope(this.dataSource.manager, user, id, 'read');
    const dossier = await this.dataSource.getRepository(CaseForm).findOne({ where: { caseId: id } });
    return { ...this.view(approvalCase), form: dossier?.form ?? null, materials: dossier?.materials ?? [] };
  }

  /**
   * 并联审批 at a glance: every part of one application the caller may see. The lead department
   * (牵头部门) sees them all; another department sees its own parts.
   */
  async application(user: AuthenticatedUser, applicationId: string): Promise<ApplicationCasesView> {
    const query = this.dataSource.getRepository(ApprovalCase).createQueryBuilder('c').where('c.application_id = :applicationId', { applicationId });
    scopeCases(query, user, 'read');
    const parts = await query.orderBy('c.department_code', 'ASC').getMany();
    if (parts.length === 0) throw APPROVAL_ERRORS.APPLICATION_NOT_FOUND();
    const progress = await this.dataSource.getRepository(ApplicationProgress).findOneByOrFail({ applicationId });
    const first = parts[0] as ApprovalCase;
    return {
      applicationId,
      applicationNumber: first.applicationNumber,
      bundle: first.bundleCode ? { code: first.bundleCode, name: first.bundleName, leadDepartmentCode: first.leadDepartmentCode } : null,
      totalParts: progress.totalParts,
      decidedParts: progress.decidedParts,
      announced: progress.announcedAt !== null,
      parts: parts.map((part) => ({
        caseId: part.id,
        itemCode: part.itemCode,
        itemName: part.itemName,
        department: { code: part.departmentCode, name: part.departmentName },
        status: part.status,
        currentStep: part.currentStep,
        deadline: part.deadline,
        colour: part.colour,
        suspendedFor: part.suspendedFor,
      })),
    };
  }
}
