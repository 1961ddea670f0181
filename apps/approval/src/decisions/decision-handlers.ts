import { Injectable } from '@nestjs/common';
import {
  Topics,
  type DepartmentResultReceivedV1,
  type DepartmentSupplementRequestReceivedV1,
  type EventEnvelope,
  type PartSupplementedV1,
} from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventConsumer, PermanentEventError, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { DomainError } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { CaseRepository } from '../cases/case.repository';
import type { CaseDecision } from './case-decision';
import { DecisionsService } from './decisions.service';

/**
 * The case a department system's event is about, locked. A case not open yet (the acceptance is
 * still on its way) is a transient failure, retried; another department's case is permanent.
 */
async function lockedCaseFor(
  cases: CaseRepository,
  tx: EntityManager,
  event: { applicationId: string; partId: string; department: { code: string } },
): Promise<ApprovalCase> {
  const approvalCase = await cases.lockPart(tx, event.applicationId, event.partId);
  if (!approvalCase) throw new Error(`No case yet for part ${event.partId} of application ${event.applicationId}`);
  if (approvalCase.departmentCode !== event.department.code) {
    throw new PermanentEventError(`${event.department.code} sent an event for a case of ${approvalCase.departmentCode}`);
  }
  return approvalCase;
}

/** What the rules refuse (no legal basis, a blacklisted applicant on 容缺…) will not get better by retrying. */
async function refusedPermanently<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      throw new PermanentEventError(`${what} refused: ${fields || error.message}`);
    }
    throw error;
  }
}

/**
 * 审批结果回传: a department's own system decided; the case is decided exactly as an approver
 * would, with the system as the actor, at the department's own decision time (the time the bridge
 * received it kept beside). The same result delivered again has no second effect.
 */
@Injectable()
@EventConsumer()
export class DecideWhenDepartmentResultReceived implements EventHandler<DepartmentResultReceivedV1> {
  readonly name = 'approval.decide-when-department-result-received';
  readonly topic = Topics.DepartmentResultReceived;

  constructor(
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionsService,
  ) {}

  async handle(event: EventEnvelope<DepartmentResultReceivedV1>, { tx }: HandlerContext): Promise<void> {
    const result = event.data;
    const approvalCase = await lockedCaseFor(this.cases, tx, result);
    if (approvalCase.status !== 'open') {
      if (approvalCase.departmentResultId === result.resultId) return;
      throw new PermanentEventError(
        `Case ${approvalCase.id} was already decided (${approvalCase.status}); department result ${result.resultId} not applied`,
      );
    }
    const decision: CaseDecision =
      result.outcome === 'approved'
        ? {
            outcome: 'approved',
            ...(result.licence?.scope ? { scope: result.licence.scope } : {}),
            ...(result.licence?.validUntil ? { validUntil: result.licence.validUntil } : {}),
            ...(result.licence?.number ? { licenceNumber: result.licence.number } : {}),
          }
        : { outcome: 'refused', reason: result.reason ?? '', legalBasis: result.legalBasis ?? '' };
    // Results published before the bridge said when it received them: the event's own time is when it did.
    const times = { decidedAt: new Date(result.decidedAt), receivedAt: new Date(result.receivedAt ?? event.time) };
    await refusedPermanently(`Department result ${result.resultId}`, () =>
      this.decisions.decide(tx, approvalCase, decision, result.system, result.resultId, times),
    );
  }
}

/**
 * 退回补正 from a department's own system: the case is suspended exactly as for an approver's
 * request, with the system as the actor; intake issues the one-time notice from the event that follows.
 */
@Injectable()
@EventConsumer()
export class SuspendWhenDepartmentRequestsSupplement implements EventHandler<DepartmentSupplementRequestReceivedV1> {
  readonly name = 'approval.suspend-when-department-requests-supplement';
  readonly topic = Topics.DepartmentSupplementRequestReceived;

  constructor(
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionsService,
  ) {}

  async handle(event: EventEnvelope<DepartmentSupplementRequestReceivedV1>, { tx }: HandlerContext): Promise<void> {
    const request = event.data;
    const approvalCase = await lockedCaseFor(this.cases, tx, request);
    if (approvalCase.status !== 'open') {
      throw new PermanentEventError(
        `Case ${approvalCase.id} was already decided (${approvalCase.status}); supplement request ${request.requestId} not applied`,
      );
    }
    const materials = request.materials.map((material) => ({ itemCode: approvalCase.itemCode, ...material }));
    await refusedPermanently(`Supplement request ${request.requestId}`, () =>
      this.decisions.suspendForSupplement(tx, approvalCase, { materials, reason: request.reason }, request.system),
    );
  }
}

/** 补正材料已补齐: the clock of the case runs again from the day after the applicant supplied. */
@Injectable()
@EventConsumer()
export class ResumeWhenPartSupplemented implements EventHandler<PartSupplementedV1> {
  readonly name = 'approval.resume-when-part-supplemented';
  readonly topic = Topics.PartSupplemented;

  constructor(
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionsService,
  ) {}

  async handle(event: EventEnvelope<PartSupplementedV1>, { tx }: HandlerContext): Promise<void> {
    const approvalCase = await this.cases.lock(tx, event.data.caseId);
    if (!approvalCase) throw new PermanentEventError(`No case ${event.data.caseId}`);
    if (approvalCase.status !== 'open') return;
    // The form corrected with the supplement replaces what the approver reads.
    if (event.data.form) await this.cases.replaceForm(tx, approvalCase.id, event.data.form);
    await this.decisions.supplementReceived(tx, approvalCase, localDateInShanghai(new Date(event.data.receivedAt)));
  }
}
