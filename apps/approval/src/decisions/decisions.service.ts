import { Inject, Injectable } from '@nestjs/common';
import { Topics, type ActorV1, type ApplicationDecidedV1, type RequestedMaterialV1 } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { nextCounterValue } from '@onewindow/persistence';
import { Clock, DomainError, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { actorOf, assertNotAwaitingSupplement, assertOpen } from '../cases/case-access';
import { CaseRepository } from '../cases/case.repository';
import { checkCreditGate } from '../credit/credit-gate';
import { CreditService } from '../credit/credit.service';
import type { ClockEntry } from '../deadlines/clock-entry.entity';
import { DeadlineLedgerRepository } from '../deadlines/deadline-ledger.repository';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { Licence } from '../licences/licence.entity';
import { LicencesService, type PreparedLicence } from '../licences/licences.service';
import { LegalProfilesService } from '../documents/legal-profiles.service';
import { WorkflowService } from '../workflow/workflow.service';
import { DecisionNumberSeries, decisionSeries, formatDecisionNumber } from './decision-number';
import { applicationOutcome, checkDecision, type CaseDecision } from './case-decision';
import { acceptedBasesFor, REFUSAL_LEGAL_BASES, type RefusalLegalBases } from './refusal-grounds';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * 作出决定: approve (a licence is issued) or refuse (legal basis and reason), by an approver at the
 * 批准 step or by the department's own system through the bridge: the same rules for both.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly ledgers: DeadlineLedgerRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
    private readonly credit: CreditService,
    private readonly licences: LicencesService,
    private readonly workflow: WorkflowService,
    private readonly legalProfiles: LegalProfilesService,
    @Inject(REFUSAL_LEGAL_BASES) private readonly legalBases: RefusalLegalBases,
  ) {}

  async decideByApprover(user: AuthenticatedUser, caseId: string, decision: CaseDecision): Promise<ApprovalCase> {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      assertNotAwaitingSupplement(approvalCase);
      this.workflow.assertMayWork(approvalCase, user);
      if (approvalCase.currentStep !== 'approve') {
        throw APPROVAL_ERRORS.STEP_NOT_REACHED({ current: approvalCase.currentStep, named: 'decision' });
      }
      const { config } = await this.workflow.workflowFor(tx, approvalCase.itemCode, approvalCase.handlingType);
      await this.workflow.assertDutiesSeparated(tx, approvalCase, config, user);
      return this.decide(tx, approvalCase, decision, actorOf(user), null);
    });
  }

  /**
   * Decides a case locked by the caller. Every rule is checked before anything is written; the
   * progress row is locked so exactly one decision, the last of the application, announces it.
   */
  async decide(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    decision: CaseDecision,
    actor: ActorV1,
    departmentResultId: string | null,
    /** A department system's decision: its own decision time, and when the platform received it. */
    departmentTimes?: { decidedAt: Date; receivedAt: Date },
  ): Promise<ApprovalCase> {
    assertNotAwaitingSupplement(approvalCase);
    const now = this.clock.now();
    const decidedAt = departmentTimes?.decidedAt ?? now;
    const today = this.deadlines.today();
    const problems = checkDecision(approvalCase.status, decision, today, acceptedBasesFor(this.legalBases, approvalCase.itemCode));
    if (decision.outcome === 'approved') {
      const standing = await this.credit.standingOf(tx, approvalCase.applicant.identifier);
      problems.push(
        ...checkCreditGate(
          standing,
          { deficiencies: approvalCase.deficiencies.length, pledges: approvalCase.pledges.length },
          decision.creditOverride,
        ),
      );
      if (standing.blacklisted && decision.creditOverride) {
        approvalCase.creditOverride = { reason: decision.creditOverride.reason.trim(), by: actor };
      }
    }
    if (problems.length > 0) {
      throw DomainError.validation(problems, problems.some((p) => p.code === 'CASE_ALREADY_DECIDED') ? 'conflict' : 'unprocessable');
    }
    await this.closeRunningSuspension(tx, approvalCase, today);

    // The licence number comes last: its series row stays locked to the commit, and every approval
    // in the series queues on it, so nothing else may run while it is held.
    let prepared: PreparedLicence | null = null;
    if (decision.outcome === 'approved') {
      prepared = await this.licences.prepare(
        tx,
        approvalCase,
        {
          ...(decision.scope ? { scope: decision.scope } : {}),
          ...(decision.validUntil ? { validUntil: decision.validUntil } : {}),
          ...(decision.licenceNumber ? { number: decision.licenceNumber } : {}),
        },
        today,
      );
    }
    approvalCase.status = decision.outcome;
    approvalCase.decidedAt = decidedAt;
    approvalCase.decisionReceivedAt = departmentTimes?.receivedAt ?? null;
    approvalCase.decidedBy = actor;
    approvalCase.reason = decision.outcome === 'refused' ? decision.reason : null;
    approvalCase.legalBasis = decision.outcome === 'refused' ? decision.legalBasis : null;
    approvalCase.licenceId = prepared?.licence.id ?? null;
    approvalCase.departmentResultId = departmentResultId;
    await this.workflow.concludeCase(
      tx,
      approvalCase,
      actor,
      decision.outcome === 'approved' ? '准予许可' : `不予许可：${decision.reason}`,
    );
    // The case is locked and in memory: write what the decision changed, without save's read-back.
    await this.cases.update(tx, approvalCase.id, {
      status: approvalCase.status,
      decidedAt: approvalCase.decidedAt,
      decisionReceivedAt: approvalCase.decisionReceivedAt,
      decidedBy: approvalCase.decidedBy,
      reason: approvalCase.reason,
      legalBasis: approvalCase.legalBasis,
      licenceId: approvalCase.licenceId,
      departmentResultId: approvalCase.departmentResultId,
      currentStep: approvalCase.currentStep,
      creditOverride: approvalCase.creditOverride,
    });
    approvalCase.revision += 1;
    const applicationDecided = await this.recordProgress(tx, approvalCase, decision.outcome === 'approved', now);
    const licence: Licence | null = prepared ? await this.licences.issue(tx, prepared) : null;
    // Numbered last, like the licence: the series row stays locked to the commit.
    const decisionNumber = await this.nextDecisionNumber(tx, approvalCase, decision.outcome, Number(today.slice(0, 4)));
    approvalCase.decisionNumber = decisionNumber;
    await this.cases.update(tx, approvalCase.id, { decisionNumber });

    const cause = requestCause();
    await this.outbox.add(
      tx,
      Topics.CaseDecided,
      {
        applicationId: approvalCase.applicationId,
        partId: approvalCase.partId,
        caseId: approvalCase.id,
        department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
        outcome: decision.outcome,
        ...(decision.outcome === 'refused' ? { reason: decision.reason, legalBasis: decision.legalBasis } : {}),
        ...(licence ? { licence: { licenceId: licence.id, licenceNumber: licence.number } } : {}),
        decisionNumber,
        decidedBy: actor,
        decidedAt: decidedAt.toISOString(),
        deadline: approvalCase.deadline,
        suspendedWorkingDays: approvalCase.suspendedWorkingDays,
      },
      cause,
    );
    if (licence) {
      await this.outbox.add(
        tx,
        Topics.LicenceIssued,
        {
          licenceId: licence.id,
          licenceNumber: licence.number,
          applicationId: approvalCase.applicationId,
          partId: approvalCase.partId,
          itemCode: approvalCase.itemCode,
          itemName: approvalCase.itemName,
          issuingDepartment: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
          holder: approvalCase.applicant,
          validFrom: licence.validFrom,
          ...(licence.validUntil ? { validUntil: licence.validUntil } : {}),
          scope: licence.scope,
          ...(licence.holderAddress ? { holderAddress: licence.holderAddress } : {}),
          supervisingDepartments: approvalCase.supervisingDepartments,
          pledges: approvalCase.pledges,
          issuedAt: now.toISOString(),
        },
        cause,
      );
    }
    // Deprecated topic (intake concludes its application from the case decisions): still announced for
    // one release for consumers outside the platform; the progress counter goes with it.
    if (applicationDecided) await this.outbox.add(tx, Topics.ApplicationDecided, applicationDecided, cause);
    return approvalCase;
  }

  /** 退回补正 by an approver: the clock stops; intake tells the applicant in a one-time notice. */
  async requestSupplement(
    user: AuthenticatedUser,
    caseId: string,
    input: { materials: RequestedMaterialV1[]; reason: string },
  ): Promise<ApprovalCase> {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      this.workflow.assertMayWork(approvalCase, user);
      return this.suspendForSupplement(tx, approvalCase, input, actorOf(user));
    });
  }

  /**
   * 退回补正 of a case locked by the caller, by an approver or a department's own system: the
   * same suspension and the same event, from which intake issues the one-time notice.
   */
  async suspendForSupplement(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    input: { materials: RequestedMaterialV1[]; reason: string },
    actor: ActorV1,
  ): Promise<ApprovalCase> {
    const foreign = input.materials.findIndex((m) => m.itemCode !== approvalCase.itemCode);
    if (foreign >= 0) {
      throw DomainError.validation(
        [
          {
            path: `materials[${foreign}].itemCode`,
            code: 'MATERIAL_OF_OTHER_ITEM',
            message: `只能要求补正本事项（${approvalCase.itemCode}）的材料`,
          },
        ],
        'unprocessable',
      );
    }
    await this.deadlines.startSuspension(
      tx,
      approvalCase,
      { procedure: 'supplement', startOn: this.deadlines.today(), reason: input.reason },
      actor,
    );
    await this.outbox.add(
      tx,
      Topics.CaseSupplementRequested,
      {
        applicationId: approvalCase.applicationId,
        partId: approvalCase.partId,
        caseId: approvalCase.id,
        department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
        materials: input.materials,
        reason: input.reason.trim(),
        requestedBy: actor,
        requestedAt: this.clock.now().toISOString(),
      },
      requestCause(),
    );
    return approvalCase;
  }

  /**
   * 撤回补正要求: the department no longer needs the materials (e.g. it misread a scan). The clock runs
   * again from today, the reason is kept in the history, and the window withdraws its notice.
   */
  async withdrawSupplementRequest(user: AuthenticatedUser, caseId: string, input: { reason: string }): Promise<ApprovalCase> {
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.cases.lockInScopeOrFail(tx, user, caseId);
      assertOpen(approvalCase);
      this.workflow.assertMayWork(approvalCase, user);
      const running = await this.runningSupplement(tx, approvalCase);
      if (!running) throw APPROVAL_ERRORS.NO_SUPPLEMENT_PENDING();
      const reason = input.reason.trim();
      const actor = actorOf(user);
      await this.deadlines.endSuspension(tx, approvalCase, running, this.deadlines.today());
      await this.workflow.note(tx, approvalCase, 'supplement-withdrawn', actor, `撤回补正要求：${reason}`);
      await this.outbox.add(
        tx,
        Topics.CaseSupplementWithdrawn,
        {
          applicationId: approvalCase.applicationId,
          partId: approvalCase.partId,
          caseId: approvalCase.id,
          department: { code: approvalCase.departmentCode, name: approvalCase.departmentName },
          reason,
          withdrawnBy: actor,
          withdrawnAt: this.clock.now().toISOString(),
        },
        requestCause(),
      );
      return approvalCase;
    });
  }

  /** The applicant supplied at the window: the supplement suspension ends that day. */
  async supplementReceived(tx: EntityManager, approvalCase: ApprovalCase, receivedOn: string): Promise<boolean> {
    const running = await this.runningSupplement(tx, approvalCase);
    if (!running) return false;
    const endOn = receivedOn < (running.startOn as string) ? (running.startOn as string) : receivedOn;
    // An event from the window: the applicant supplied, whatever the calendar says about next year.
    await this.deadlines.endSuspension(tx, approvalCase, running, endOn, 'keep');
    return true;
  }

  /** 文书字号: 东市监许准〔2026〕15号, gapless per department, kind and year. */
  private async nextDecisionNumber(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    outcome: 'approved' | 'refused',
    year: number,
  ): Promise<string> {
    const prefix = await this.legalProfiles.documentPrefix(tx, approvalCase.departmentCode, approvalCase.departmentName);
    const sequence = await nextCounterValue(tx, DecisionNumberSeries, 'series', decisionSeries(approvalCase.departmentCode, outcome, year));
    return formatDecisionNumber(prefix, outcome, year, sequence);
  }

  private runningSupplement(tx: EntityManager, approvalCase: ApprovalCase): Promise<ClockEntry | null> {
    return this.ledgers.runningSuspension(tx, approvalCase.id, 'supplement');
  }

  private async closeRunningSuspension(tx: EntityManager, approvalCase: ApprovalCase, today: string): Promise<void> {
    if (!approvalCase.suspendedFor) return;
    const running = await this.ledgers.runningSuspension(tx, approvalCase.id);
    // The decision ends the case: its final deadline never blocks it.
    if (running) await this.deadlines.endSuspension(tx, approvalCase, running, today, 'keep');
  }

  /** Counts the decision; answers the announcement when it was the application's last. */
  private async recordProgress(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    approved: boolean,
    now: Date,
  ): Promise<ApplicationDecidedV1 | null> {
    // Concurrent decisions of one bundle queue on the progress row: exactly the one that completes the count announces the application.
    const progress = await this.cases.countDecision(tx, approvalCase.applicationId, approved, now);
    if (!progress.completed) return null;
    const parts = await this.cases.partsOfApplication(tx, approvalCase.applicationId);
    return {
      applicationId: approvalCase.applicationId,
      outcome: applicationOutcome(progress.totalParts, progress.approvedParts),
      parts: parts.map((part) => ({ partId: part.partId, outcome: part.status === 'approved' ? 'approved' : 'refused' })),
      decidedAt: now.toISOString(),
    };
  }
}
