import { Injectable } from '@nestjs/common';
import { Topics } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { Clock, DomainError, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationRepository } from '../applications/application.repository';
import { Application, type Issuance, type Payment } from '../applications/application.entity';
import { IntakeEvents } from '../events/intake-events';
import { feeDueFen, isRevoked, issuanceBlockers, revocationText, yuan } from './issuance-rules';
import { resultDocuments } from './result-documents';
import { INTAKE_ERRORS } from '../intake-errors';

/** 统一收费 and 统一出件 at the window. */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly outbox: EventOutbox,
    private readonly events: IntakeEvents,
    private readonly clock: Clock,
  ) {}

  async recordPayment(
    id: string,
    input: { amountFen: number; method: Payment['method']; receiptNumber: string },
    clerk: AuthenticatedUser,
  ): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      if (application.payment)
        throw INTAKE_ERRORS.ALREADY_PAID({ number: application.number, receiptNumber: application.payment.receiptNumber });
      if (application.status !== 'decided') throw INTAKE_ERRORS.NOT_DECIDED();
      const due = feeDueFen(application);
      if (due === 0) throw INTAKE_ERRORS.NOTHING_TO_PAY();
      if (input.amountFen !== due) {
        throw DomainError.validation([
          { path: 'amountFen', code: 'WRONG_AMOUNT', message: `应缴金额为${yuan(due)}元（${due}分），与登记金额不符` },
        ]);
      }
      const paidAt = this.clock.now().toISOString();
      application.payment = { ...input, paidAt, recordedBy: clerk.id };
      await this.applications.saveApplication(tx, application);
      await this.outbox.add(
        tx,
        Topics.FeePaid,
        { applicationId: application.id, amountFen: input.amountFen, receiptNumber: input.receiptNumber, paidAt },
        requestCause(),
      );
      await this.announceIfReady(tx, application);
      return application;
    });
  }

  async issue(
    id: string,
    input: { method: Issuance['method']; trackingNumber?: string; address?: string },
    clerk: AuthenticatedUser,
  ): Promise<Application> {
    return this.dataSource.transaction(async (tx) => {
      const application = await this.applications.lockOrFail(tx, id);
      const blockers = issuanceBlockers(application);
      if (blockers.length > 0) {
        const reasons = blockers.map((b) => b.message);
        throw blockers.some((b) => b.code === 'LICENCE_REVOKED')
          ? INTAKE_ERRORS.LICENCE_REVOKED({ reasons })
          : INTAKE_ERRORS.NOT_READY_FOR_ISSUANCE({ reasons });
      }
      const issuedAt = this.clock.now();
      const withheld = application.parts.filter(isRevoked);
      application.issuance = {
        method: input.method,
        trackingNumber: input.trackingNumber ?? null,
        address: input.address ?? null,
        issuedAt: issuedAt.toISOString(),
        issuedBy: clerk.id,
        ...(withheld.length > 0 ? { withheld: withheld.map((part) => ({ itemName: part.itemName, note: revocationText(part) })) } : {}),
        documents: resultDocuments(application).map(({ kind, title, number }) => ({ kind, title, number })),
      };
      application.status = 'issued';
      if (input.method === 'window') application.visits += 1;
      await this.applications.saveApplication(tx, application);
      await this.outbox.add(
        tx,
        Topics.ApplicationIssued,
        {
          applicationId: application.id,
          applicationNumber: application.number,
          method: input.method,
          ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
          feePaidFen: application.payment?.amountFen ?? 0,
          visits: application.visits,
          issuedAt: issuedAt.toISOString(),
        },
        requestCause(),
      );
      return application;
    });
  }

  /** Records that the result is ready once nothing blocks issuance any more (the applicant is told once). */
  async announceIfReady(tx: EntityManager, application: Application): Promise<void> {
    if (issuanceBlockers(application).length > 0) return;
    await this.events.record(tx, { kind: 'result-ready', application });
  }
}
