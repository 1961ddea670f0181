import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Topics,
  type CaseDecidedV1,
  type CaseSupplementRequestedV1,
  type CaseSupplementWithdrawnV1,
  type EventEnvelope,
  type LicenceRevokedV1,
} from '@onewindow/contracts';
import { EventConsumer, PermanentEventError, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { ApplicationRepository } from '../applications/application.repository';
import { IssuanceService } from '../issuance/issuance.service';
import { IntakeEvents } from '../events/intake-events';
import { applicationConclusion } from './application-conclusion';

/**
 * Keeps each part's decision, so the window can tell the applicant what each department decided,
 * and concludes the application (办结) when the last part is decided: intake owns the application,
 * so it decides under its own lock when the application is complete — decisions of one application
 * share its key and arrive in order. 统一出件 starts here.
 */
@Injectable()
@EventConsumer()
export class RecordPartDecisionWhenCaseDecided implements EventHandler<CaseDecidedV1> {
  readonly name = 'intake.record-part-decision-when-case-decided';
  readonly topic = Topics.CaseDecided;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: IntakeEvents,
    private readonly issuance: IssuanceService,
  ) {}

  async handle(event: EventEnvelope<CaseDecidedV1>, { tx }: HandlerContext): Promise<void> {
    const decision = event.data;
    // Locked like every other change to the application (a deficiency handed in at the window at the same moment).
    const application = await this.applications.lock(tx, decision.applicationId);
    const part = application?.parts.find((p) => p.id === decision.partId);
    if (!application || !part) {
      throw new PermanentEventError(`No part ${decision.partId} of application ${decision.applicationId} at intake`);
    }
    const wasConcluded = applicationConclusion(application.parts) !== null;
    Object.assign(part, {
      status: decision.outcome,
      licenceNumber: decision.licence?.licenceNumber ?? null,
      licenceId: decision.licence?.licenceId ?? null,
      decisionReason: decision.reason ?? null,
      caseId: decision.caseId,
      decisionNumber: decision.decisionNumber ?? null,
    });
    await this.applications.updatePart(tx, part, {
      status: part.status,
      licenceNumber: part.licenceNumber,
      licenceId: part.licenceId,
      decisionReason: part.decisionReason,
      caseId: part.caseId,
      decisionNumber: part.decisionNumber,
    });
    const outcome = applicationConclusion(application.parts);
    if (outcome === null || wasConcluded) return;
    application.status = 'decided';
    application.outcome = outcome;
    application.decidedAt = new Date(decision.decidedAt);
    await this.applications.update(tx, application.id, { status: 'decided', outcome, decidedAt: application.decidedAt });
    await this.events.record(tx, { kind: 'application-concluded', application, outcome });
    await this.issuance.announceIfReady(tx, application);
  }
}

/**
 * 退回补正 during review: the department's request becomes a one-time notice (一次性告知) for the
 * part, and the applicant is told by SMS. The window records the supplement when it arrives.
 */
@Injectable()
@EventConsumer()
export class IssueNoticeWhenSupplementRequested implements EventHandler<CaseSupplementRequestedV1> {
  readonly name = 'intake.issue-notice-when-supplement-requested';
  readonly topic = Topics.CaseSupplementRequested;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: IntakeEvents,
  ) {}

  async handle(event: EventEnvelope<CaseSupplementRequestedV1>, { tx }: HandlerContext): Promise<void> {
    const request = event.data;
    const application = await this.applications.find(request.applicationId, tx);
    const part = application?.parts.find((p) => p.id === request.partId);
    if (!application || !part) throw new PermanentEventError(`No part ${request.partId} of application ${request.applicationId} at intake`);
    const round = (await this.applications.countNotices(tx, application.id)) + 1;
    const noticeNumber = `GZ${application.number.slice(2)}-${round}`;
    await this.applications.insertNotice(tx, {
      id: randomUUID(),
      applicationId: application.id,
      number: noticeNumber,
      lines: request.materials.map((m) => ({
        itemCode: part.itemCode,
        itemName: part.itemName,
        materialCode: m.materialCode,
        materialName: m.materialName,
        form: 'original' as const,
        copies: 1,
        requirement: `${request.department.name}审查要求：${request.reason}`,
        problem: m.problem,
      })),
      issuedBy: request.requestedBy.id,
      issuedByName: `${request.requestedBy.name}（${request.department.name}）`,
      issuedAt: new Date(request.requestedAt),
      resolvedAt: null,
      withdrawnAt: null,
      withdrawalReason: null,
    });
    part.supplementRequest = {
      caseId: request.caseId,
      noticeNumber,
      reason: request.reason,
      materials: request.materials.map(({ materialCode, materialName, problem }) => ({ materialCode, materialName, problem })),
      requestedAt: request.requestedAt,
    };
    await this.applications.savePart(tx, part);
    await this.events.record(tx, { kind: 'supplement-requested', application, noticeNumber, missingCount: request.materials.length });
  }
}

/**
 * 撤销许可 reaches the window: the part keeps its decision and gains the revocation, so the window
 * withholds the licence (统一出件), progress shows it with its reason, and the applicant is told by
 * SMS once (the licence number keys the message; a redelivery adds nothing).
 */
@Injectable()
@EventConsumer()
export class WithholdResultWhenLicenceRevoked implements EventHandler<LicenceRevokedV1> {
  readonly name = 'intake.withhold-result-when-licence-revoked';
  readonly topic = Topics.LicenceRevoked;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: IntakeEvents,
  ) {}

  async handle(event: EventEnvelope<LicenceRevokedV1>, { tx }: HandlerContext): Promise<void> {
    const revoked = event.data;
    const application = await this.applications.lock(tx, revoked.applicationId);
    if (!application) throw new PermanentEventError(`No application ${revoked.applicationId} at intake`);
    // The part is named since the event carries it; earlier events are matched by the licence number.
    const part = application.parts.find((p) => (revoked.partId ? p.id === revoked.partId : p.licenceNumber === revoked.licenceNumber));
    if (!part) throw new PermanentEventError(`No part of application ${revoked.applicationId} holds licence ${revoked.licenceNumber}`);
    if (part.revocation) return;
    part.revocation = {
      licenceNumber: revoked.licenceNumber,
      reason: revoked.reason,
      revokedAt: revoked.revokedAt,
      revokedBy: revoked.issuingDepartment.name,
    };
    // The decision may still be on its way (another topic): a revoked licence was an approval.
    await this.applications.updatePart(tx, part, { revocation: part.revocation, licenceNumber: revoked.licenceNumber, status: 'approved' });
    await this.events.record(tx, {
      kind: 'licence-revoked',
      application,
      itemName: part.itemName,
      licenceNumber: revoked.licenceNumber,
      reason: revoked.reason,
    });
  }
}

/**
 * 撤回补正要求: the department no longer needs the materials. The part owes nothing, the notice is
 * kept as printed but marked withdrawn with the reason, and the applicant is told not to come.
 */
@Injectable()
@EventConsumer()
export class WithdrawNoticeWhenSupplementWithdrawn implements EventHandler<CaseSupplementWithdrawnV1> {
  readonly name = 'intake.withdraw-notice-when-supplement-withdrawn';
  readonly topic = Topics.CaseSupplementWithdrawn;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: IntakeEvents,
  ) {}

  async handle(event: EventEnvelope<CaseSupplementWithdrawnV1>, { tx }: HandlerContext): Promise<void> {
    const withdrawal = event.data;
    const application = await this.applications.lock(tx, withdrawal.applicationId);
    const part = application?.parts.find((p) => p.id === withdrawal.partId);
    if (!application || !part)
      throw new PermanentEventError(`No part ${withdrawal.partId} of application ${withdrawal.applicationId} at intake`);
    const request = part.supplementRequest;
    // Already supplied, or withdrawn before (a redelivery): nothing is owed, nothing to tell.
    if (!request || request.caseId !== withdrawal.caseId) return;
    await this.applications.updatePart(tx, part, { supplementRequest: null });
    await this.applications.withdrawNotice(tx, request.noticeNumber, new Date(withdrawal.withdrawnAt), withdrawal.reason);
    await this.events.record(tx, {
      kind: 'supplement-withdrawn',
      application,
      noticeNumber: request.noticeNumber,
      reason: withdrawal.reason,
    });
  }
}
