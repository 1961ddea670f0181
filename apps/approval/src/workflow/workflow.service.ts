import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ActorV1, HandlingType } from '@onewindow/contracts';
import { DomainError, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalCase } from '../cases/approval-case.entity';
import { actorOf, assertNotAwaitingSupplement, assertOpen } from '../cases/case-access';
import { CaseRepository } from '../cases/case.repository';
import { checkLicenceNumberTemplate } from '../licences/licence-number';
import type { Approver } from './approver.entity';
import { ApproverRepository } from './approver.repository';
import { CaseHistoryRepository } from './case-history.repository';
import type { CaseStepRecord, StepRecordKind } from './case-step-record.entity';
import type { ItemWorkflow } from './item-workflow.entity';
import { ItemWorkflowRepository } from './item-workflow.repository';
import {
  checkSeparatedAssignees,
  checkWorkflow,
  defaultWorkflow,
  mayWorkOn,
  nextStep,
  resolveAssignee,
  separationOfDutiesConflict,
  stepActionConflict,
  type ApproverOnDuty,
  type CaseStep,
  type ResolvedAssignee,
  type WorkflowStep,
} from './workflow-definition';
import { APPROVAL_ERRORS } from '../approval-errors';

export interface WorkflowInput {
  departmentCode: string;
  steps: WorkflowStep[];
  licenceNumberTemplate?: string;
  licenceValidityYears?: number;
  separateDuties: boolean;
}

/** Steps, assignments and stand-ins (AB岗) of the department back office. */
@Injectable()
export class WorkflowService {
  private readonly logger = new Logger('Workflow');

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly approvers: ApproverRepository,
    private readonly workflows: ItemWorkflowRepository,
    private readonly caseHistory: CaseHistoryRepository,
  ) {}

  async workflowFor(
    tx: EntityManager,
    itemCode: string,
    handlingType: HandlingType,
  ): Promise<{ steps: WorkflowStep[]; config: ItemWorkflow | null }> {
    const config = await this.workflows.find(itemCode, tx);
    return { steps: config?.steps ?? defaultWorkflow(handlingType), config };
  }

  async getWorkflow(
    itemCode: string,
  ): Promise<ItemWorkflow | { itemCode: string; configured: false; steps: Record<HandlingType, WorkflowStep[]> }> {
    const config = await this.workflows.find(itemCode);
    if (config) return config;
    return {
      itemCode,
      configured: false,
      steps: { immediate: defaultWorkflow('immediate'), committed: defaultWorkflow('committed'), escalated: defaultWorkflow('escalated') },
    };
  }

  async putWorkflow(user: AuthenticatedUser, itemCode: string, input: WorkflowInput): Promise<ItemWorkflow> {
    const problems = checkWorkflow(input.steps);
    if (input.separateDuties) problems.push(...checkSeparatedAssignees(input.steps));
    if (input.licenceNumberTemplate !== undefined) {
      const template = checkLicenceNumberTemplate(input.licenceNumberTemplate);
      if (template) problems.push({ path: 'licenceNumberTemplate', code: 'LICENCE_TEMPLATE_INVALID', message: template });
    }
    if (problems.length > 0) throw DomainError.validation(problems, 'unprocessable');
    return this.workflows.save({
      itemCode,
      departmentCode: input.departmentCode,
      steps: input.steps,
      licenceNumberTemplate: input.licenceNumberTemplate ?? null,
      licenceValidityYears: input.licenceValidityYears ?? null,
      separateDuties: input.separateDuties,
      updatedBy: user.id,
    });
  }

  async listApprovers(user: AuthenticatedUser): Promise<Approver[]> {
    return this.approvers.listInScope(user);
  }

  /** Registers an approver of the caller's department with their stand-in (B角). */
  async putApprover(
    user: AuthenticatedUser,
    id: string,
    input: { name: string; departmentCode?: string; standInId?: string },
  ): Promise<Approver> {
    const scope = departmentScope(user);
    const departmentCode = scope.kind === 'department' ? scope.code : scope.kind === 'all' ? input.departmentCode : undefined;
    if (!departmentCode) {
      throw DomainError.validation(
        [{ path: 'departmentCode', code: 'DEPARTMENT_REQUIRED', message: '请填写审批人员所在部门' }],
        'unprocessable',
      );
    }
    const existing = await this.approvers.findForRegistration(id, departmentCode);
    let standIn: Approver | null = null;
    if (input.standInId) {
      standIn = await this.approvers.findInDepartment(input.standInId, departmentCode);
      if (!standIn || standIn.id === id) {
        throw DomainError.validation(
          [{ path: 'standInId', code: 'STAND_IN_UNKNOWN', message: 'B角须是本部门已登记的其他审批人员' }],
          'unprocessable',
        );
      }
    }
    return this.approvers.save({
      id,
      name: input.name,
      departmentCode,
      standInId: standIn?.id ?? null,
      standInName: standIn?.name ?? null,
      away: existing?.away ?? false,
      awayReason: existing?.awayReason ?? null,
    });
  }

  /**
   * AB岗: marking an approver away moves every open case assigned to them to their stand-in (or
   * the department pool), each move recorded with the reason.
   */
  async setAway(
    user: AuthenticatedUser,
    id: string,
    input: { away: boolean; reason?: string },
  ): Promise<{ approver: Approver; moved: number }> {
    return this.dataSource.transaction(async (tx) => {
      const approver = await this.approvers.lockInScopeOrFail(tx, user, id);
      approver.away = input.away;
      approver.awayReason = input.away ? input.reason?.trim() || '不在岗' : null;
      await this.approvers.save(approver, tx);
      if (!input.away) return { approver, moved: 0 };
      const directory = await this.directory(tx, approver.departmentCode);
      const cases = await this.cases.lockOpenAssignedTo(tx, approver.departmentCode, approver.id);
      for (const approvalCase of cases) {
        const target = resolveAssignee({ kind: 'person', id: approver.id, name: approver.name }, directory);
        await this.assign(
          tx,
          approvalCase,
          target,
          actorOf(user),
          'stand-in',
          `AB岗：${approver.name}${approver.awayReason}，由${target.kind === 'person' ? target.name : '本部门'}代为办理`,
        );
      }
      if (cases.length > 0) this.logger.log(`${approver.name} is away: ${cases.length} open case(s) moved to the stand-in`);
      return { approver, moved: cases.length };
    });
  }

  /** A new case starts at its first configured step, with its assignee resolved (AB岗 applied). */
  async startCase(tx: EntityManager, approvalCase: ApprovalCase, handlingType: HandlingType, acceptedBy: ActorV1): Promise<void> {
    const { steps } = await this.workflowFor(tx, approvalCase.itemCode, handlingType);
    await this.record(tx, approvalCase.id, 'accept', 'completed', acceptedBy, null, '窗口受理');
    const first = steps[0] as WorkflowStep;
    approvalCase.currentStep = first.step;
    const target = resolveAssignee(first.assignee, await this.directory(tx, approvalCase.departmentCode));
    await this.assign(tx, approvalCase, target, { kind: 'platform', id: 'approval', name: '审批系统' }, 'assigned', null);
  }

  /** Completes the current step (审查 or 审核) with an opinion and hands the case to the next. */
  async advance(
    user: AuthenticatedUser,
    caseId: string,
    input: { step: CaseStep; revision?: number; opinion: string },
  ): Promise<ApprovalCase> {
    return this.dataSource.transaction(async (tx) => {
      // Under the case's row lock: of simultaneous calls naming one step, exactly one completes it.
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      const conflict = stepActionConflict(approvalCase.currentStep, input.step);
      if (conflict) throw conflict;
      if (input.revision !== undefined && input.revision !== approvalCase.revision) {
        throw APPROVAL_ERRORS.CASE_CHANGED({ opened: input.revision, current: approvalCase.revision });
      }
      assertNotAwaitingSupplement(approvalCase);
      this.assertMayWork(approvalCase, user);
      if (approvalCase.currentStep === 'approve') {
        throw APPROVAL_ERRORS.DECISION_REQUIRED({ atApproveStep: true });
      }
      const { steps, config } = await this.workflowFor(tx, approvalCase.itemCode, approvalCase.handlingType);
      await this.assertDutiesSeparated(tx, approvalCase, config, user);
      const next = nextStep(steps, approvalCase.currentStep);
      if (!next) throw APPROVAL_ERRORS.DECISION_REQUIRED({ atApproveStep: false });
      await this.record(tx, approvalCase.id, approvalCase.currentStep, 'completed', actorOf(user), null, input.opinion);
      approvalCase.currentStep = next.step;
      const target = resolveAssignee(next.assignee, await this.directory(tx, approvalCase.departmentCode));
      await this.assign(tx, approvalCase, target, actorOf(user), 'assigned', null);
      return approvalCase;
    });
  }

  /** Manual reassignment (改派): to an approver of the same department, with a reason. */
  async reassign(user: AuthenticatedUser, caseId: string, input: { assigneeId: string; reason: string }): Promise<ApprovalCase> {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      const assignee = await this.approvers.findInDepartment(input.assigneeId, approvalCase.departmentCode, tx);
      if (!assignee) {
        throw DomainError.validation(
          [{ path: 'assigneeId', code: 'ASSIGNEE_UNKNOWN', message: '只能改派给本部门已登记的审批人员' }],
          'unprocessable',
        );
      }
      if (assignee.away) {
        throw DomainError.validation(
          [{ path: 'assigneeId', code: 'ASSIGNEE_AWAY', message: `${assignee.name}当前不在岗，请改派给其他人员或其B角` }],
          'unprocessable',
        );
      }
      await this.assign(
        tx,
        approvalCase,
        { kind: 'person', id: assignee.id, name: assignee.name },
        actorOf(user),
        'reassigned',
        input.reason,
      );
      return approvalCase;
    });
  }

  async history(user: AuthenticatedUser, caseId: string): Promise<CaseStepRecord[]> {
    await this.cases.getInScopeOrFail(user, caseId);
    return this.caseHistory.ofCase(caseId);
  }

  /** 审批分离: where the item separates duties, whoever completed the previous step may not complete this one. */
  async assertDutiesSeparated(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    config: ItemWorkflow | null,
    user: AuthenticatedUser,
  ): Promise<void> {
    if (!config?.separateDuties) return;
    const previous = await this.caseHistory.lastCompletedReview(tx, approvalCase.id);
    const conflict = separationOfDutiesConflict(
      previous ? { step: previous.step, actorId: previous.actor.id, actorName: previous.actor.name } : null,
      approvalCase.currentStep,
      user.id,
    );
    if (conflict) throw conflict;
  }

  /** Only the assignee (or, for a pool task, anyone of the department) works on the case. */
  assertMayWork(approvalCase: ApprovalCase, user: AuthenticatedUser): void {
    const task = { assigneeKind: approvalCase.assigneeId ? ('person' as const) : ('pool' as const), assigneeId: approvalCase.assigneeId };
    if (!mayWorkOn(task, user.id)) {
      throw APPROVAL_ERRORS.NOT_ASSIGNEE({ step: approvalCase.currentStep, assignee: approvalCase.assigneeName });
    }
  }

  /** A note in the case's history at its current step (e.g. a supplement request withdrawn, and why). */
  async note(tx: EntityManager, approvalCase: ApprovalCase, kind: StepRecordKind, actor: ActorV1, note: string): Promise<void> {
    await this.record(tx, approvalCase.id, approvalCase.currentStep, kind, actor, null, note);
  }

  async concludeCase(tx: EntityManager, approvalCase: ApprovalCase, actor: ActorV1, note: string): Promise<void> {
    await this.record(tx, approvalCase.id, 'approve', 'completed', actor, null, note);
    await this.record(tx, approvalCase.id, 'conclude', 'completed', actor, null, null);
    approvalCase.currentStep = 'conclude';
  }

  private async assign(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    target: ResolvedAssignee,
    actor: ActorV1,
    kind: StepRecordKind,
    note: string | null,
  ): Promise<void> {
    approvalCase.assigneeId = target.kind === 'person' ? target.id : null;
    approvalCase.assigneeName = target.kind === 'person' ? target.name : null;
    // Only the step and the assignee change here: one UPDATE instead of save's read-back and diff.
    await this.cases.update(tx, approvalCase.id, {
      currentStep: approvalCase.currentStep,
      assigneeId: approvalCase.assigneeId,
      assigneeName: approvalCase.assigneeName,
    });
    approvalCase.revision += 1;
    const standIn = target.kind === 'person' && target.standingInFor ? `AB岗：代${target.standingInFor.name}办理` : null;
    await this.record(
      tx,
      approvalCase.id,
      approvalCase.currentStep,
      standIn && kind === 'assigned' ? 'stand-in' : kind,
      actor,
      target,
      note ?? standIn,
    );
  }

  private async record(
    tx: EntityManager,
    caseId: string,
    step: CaseStep,
    kind: StepRecordKind,
    actor: ActorV1,
    assignee: ResolvedAssignee | null,
    note: string | null,
  ): Promise<void> {
    await this.caseHistory.insert(tx, {
      id: randomUUID(),
      caseId,
      step,
      kind,
      actor,
      assigneeId: assignee?.kind === 'person' ? assignee.id : null,
      assigneeName: assignee?.kind === 'person' ? assignee.name : null,
      note,
    });
  }

  private async directory(tx: EntityManager, departmentCode: string): Promise<(id: string) => ApproverOnDuty | undefined> {
    const approvers = await this.approvers.ofDepartment(tx, departmentCode);
    const byId = new Map(
      approvers.map((a) => [
        a.id,
        { id: a.id, name: a.name, away: a.away, standIn: a.standInId ? { id: a.standInId, name: a.standInName ?? a.standInId } : null },
      ]),
    );
    return (id) => byId.get(id);
  }
}
