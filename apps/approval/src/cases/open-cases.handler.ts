import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ApplicationAcceptedV1, type EventEnvelope } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventConsumer, EventOutbox, type EventHandler, type HandlerContext } from '@onewindow/messaging';
import { Clock } from '@onewindow/platform';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { WorkflowService } from '../workflow/workflow.service';
import { ApprovalCase } from './approval-case.entity';
import { CaseRepository } from './case.repository';
import { materialsOfPart } from './case-materials';

/** 受审分离: every accepted part lands in its department's queue. */
@Injectable()
@EventConsumer()
export class OpenCasesWhenApplicationAccepted implements EventHandler<ApplicationAcceptedV1> {
  readonly name = 'approval.open-cases-when-application-accepted';
  readonly topic = Topics.ApplicationAccepted;

  constructor(
    private readonly outbox: EventOutbox,
    private readonly cases: CaseRepository,
    private readonly workflow: WorkflowService,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope<ApplicationAcceptedV1>, { tx, cause }: HandlerContext): Promise<void> {
    const application = event.data;
    const openedAt = this.clock.now();
    const acceptedOn = localDateInShanghai(new Date(application.acceptedAt));
    await this.cases.insertApplicationProgress(tx, application.applicationId, application.parts.length);
    for (const part of application.parts) {
      const approvalCase = tx.create(ApprovalCase, {
        id: randomUUID(),
        applicationId: application.applicationId,
        partId: part.partId,
        applicationNumber: application.applicationNumber,
        itemCode: part.itemCode,
        itemName: part.itemName,
        departmentCode: part.department.code,
        departmentName: part.department.name,
        applicant: application.applicant,
        status: 'open',
        handlingType: part.handlingType,
        acceptedOn,
        promisedWorkingDays: part.committedWorkingDays,
        deadline: part.promisedDeadline,
        colour: 'green',
        // Its colour is computed for today just below.
        colourCheckedOn: this.deadlines.today(),
        suspendedFor: null,
        suspendedWorkingDays: 0,
        extendedWorkingDays: 0,
        greenChannel: false,
        greenChannelReason: null,
        targetWorkingDays: null,
        currentStep: 'accept',
        assigneeId: null,
        assigneeName: null,
        bundleCode: application.bundle?.code ?? null,
        bundleName: application.bundle?.name ?? null,
        leadDepartmentCode: application.bundle?.leadDepartmentCode ?? null,
        deficiencies: part.deficiencies,
        creditOverride: null,
        departmentResultId: null,
        decisionReceivedAt: null,
        supervisingDepartments: part.supervisingDepartments,
        handedUpFrom: part.handedUpFrom ?? null,
        pledges: part.pledges,
        openedAt,
        decidedAt: null,
        decidedBy: null,
        reason: null,
        legalBasis: null,
        licenceId: null,
      });
      await this.cases.insert(tx, approvalCase, { form: part.form ?? null, materials: materialsOfPart(part) });
      await this.workflow.startCase(tx, approvalCase, part.handlingType, application.acceptedBy);
      // The window computed the promise; a case that opens already yellow (an immediate item) is announced like any change.
      if (await this.deadlines.announceColour(tx, approvalCase, this.deadlines.colourOf(approvalCase, this.deadlines.today()))) {
        await this.cases.update(tx, approvalCase.id, { colour: approvalCase.colour });
      }
      await this.outbox.add(
        tx,
        Topics.CaseOpened,
        {
          applicationId: application.applicationId,
          partId: part.partId,
          caseId: approvalCase.id,
          department: part.department,
          deadline: part.promisedDeadline,
          openedAt: openedAt.toISOString(),
        },
        cause,
      );
    }
  }
}
