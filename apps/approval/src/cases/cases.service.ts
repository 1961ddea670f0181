import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { ApprovalCase } from './approval-case.entity';
import { CaseRepository, type CaseFilter } from './case.repository';
import { toCaseView, type ApplicationCasesView, type CaseDossierView, type CaseView } from './case.view';

export interface CaseListFilter extends Omit<CaseFilter, 'assigneeId'> {
  /** Only cases assigned to the caller (not the pool). */
  mine?: boolean;
}

/** The department queue (部门审批件): what each approver sees, and the bundle view of a lead department. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** A case as the queue and the case page show it: with the working days left to its deadline (剩余工作日). */
  private view(approvalCase: ApprovalCase): CaseView {
    return toCaseView(approvalCase, this.deadlines.workingDaysLeft(approvalCase));
  }

  /** Green-channel cases first, then the earliest deadline. */
  async list(user: AuthenticatedUser, filter: CaseListFilter): Promise<Page<CaseView>> {
    const { mine, ...rest } = filter;
    const page = await this.cases.list(user, { ...rest, ...(mine ? { assigneeId: user.id } : {}) });
    return { ...page, items: page.items.map((item) => this.view(item)) };
  }

  /** One case as the approver reads it: with the application form (and where its auto-filled answers came from) and the materials. */
  async get(user: AuthenticatedUser, id: string): Promise<CaseDossierView> {
    const approvalCase = await this.cases.getInScopeOrFail(user, id);
    const dossier = await this.cases.form(id);
    return { ...this.view(approvalCase), form: dossier?.form ?? null, materials: dossier?.materials ?? [] };
  }

  /**
   * 并联审批 at a glance: every part of one application the caller may see. The lead department
   * (牵头部门) sees them all; another department sees its own parts.
   */
  async application(user: AuthenticatedUser, applicationId: string): Promise<ApplicationCasesView> {
    const parts = await this.cases.applicationPartsInScopeOrFail(user, applicationId);
    const progress = await this.cases.applicationProgress(applicationId);
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
