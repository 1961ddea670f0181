import { Injectable } from '@nestjs/common';
import { Topics, type DepartmentResultReceivedV1, type EventEnvelope, type PartSupplementedV1 } from '@onewindow/contracts';
import { CaseForm } from '../cases/case-form.entity';
import { localDateInShanghai } from '@onewindow/domain';
import { EventConsumer, PermanentEventError, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { DomainError } from '@onewindow/platform';
import { ApprovalCase } from '../cases/approval-case.entity';
import type { CaseDecision } from './case-decision';
import { DecisionsService } from './decisions.service';

/**
 * 审批结果回传: a department's own system decided; the case is decided exactly as an approver
 * would, with the system as the actor. The same result delivered again has no second effect.
 */
@Injectable()
@EventConsumer()
export class DecideWhenDepartmentResultReceived implements EventHandler<DepartmentResultReceivedV1> {
  readonly name = 'approval.decide-when-department-result-received';
  readonly topic = Topics.DepartmentResultReceived;

  constructor(private readonly decisions: DecisionsService) {}

  async handle(event: EventEnvelope<DepartmentResultReceivedV1>, { tx }: HandlerContext): Promise<void> {
    const result = event.data;
    const approvalCase = await tx.getRepository(ApprovalCase).findOne({
      where: { partId: result.partId, applicationId: result.applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    // The case may not be open yet (the acceptance is still on its way): a transient failure, retried.
    if (!approvalCase) throw new Error(`No case yet for part ${result.partId} of application ${result.applicationId}`);
    if (approvalCase.departmentCode !== result.department.code) {
      throw new PermanentEventError(`Result from ${result.department.code} for a case of ${approvalCase.departmentCode}`);
    }
    if (approvalCase.status !== 'open') {
      if (approvalCase.departmentResultId === result.resultId) return;
      throw new PermanentEventError(`Case ${approvalCase.id} was already decided (${approvalCase.status}); department result ${result.resultId} not applied`);
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
    try {
      await this.decisions.decide(tx, approvalCase, decision, result.system, result.resultId);
    } catch (error) {
      // A result the rules refuse (no legal basis, a blacklisted applicant on 容缺…) will not get better by retrying.
      if (error instanceof DomainError) {
        const fields = error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
        throw new PermanentEventError(`Department result ${result.resultId} refused: ${fields || error.message}`);
      }
      throw error;
    }
  }
}

/** 补正材料已补齐: the clock of the case runs again from the day after the applicant supplied. */
@Injectable()
@EventConsumer()
export class ResumeWhenPartSupplemented implements EventHandler<PartSupplementedV1> {
  readonly name = 'approval.resume-when-part-supplemented';
  readonly topic = Topics.PartSupplemented;

  constructor(private readonly decisions: DecisionsService) {}

  async handle(event: EventEnvelope<PartSupplementedV1>, { tx }: HandlerContext): Promise<void> {
    const approvalCase = await tx.getRepository(ApprovalCase).findOne({ where: { id: event.data.caseId }, lock: { mode: 'pessimistic_write' } });
    if (!approvalCase) throw new PermanentEventError(`No case ${event.data.caseId}`);
    if (approvalCase.status !== 'open') return;
    // The form corrected with the supplement replaces what the approver reads.
    if (event.data.form) await tx.update(CaseForm, { caseId: approvalCase.id }, { form: event.data.form });
    await this.decisions.supplementReceived(tx, approvalCase, localDateInShanghai(new Date(event.data.receivedAt)));
  }
}
