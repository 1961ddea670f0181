import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Topics, type ActorV1 } from '@onewindow/contracts';
import { EventOutbox } from '@onewindow/messaging';
import { nextCounterValue } from '@onewindow/persistence';
import { Clock, requestCause, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalConfig } from '../approval.config';
import type { ApprovalCase } from '../cases/approval-case.entity';
import { CaseRepository } from '../cases/case.repository';
import { ItemWorkflowRepository } from '../workflow/item-workflow.repository';
import { licenceDetailsOf } from './licence-from-form';
import { formatLicenceNumber, licenceSeries } from './licence-number';
import { Licence, LicenceSeries } from './licence.entity';
import { LicenceRepository } from './licence.repository';
import { APPROVAL_ERRORS } from '../approval-errors';

export interface LicenceTerms {
  scope?: string;
  validUntil?: string;
  /** A number given by the department's own system. */
  number?: string;
}

/** A licence ready to issue: all but its number, and how to take one. */
export interface PreparedLicence {
  licence: Licence;
  /** The department's own system gave the number. */
  numbered: boolean;
  template: string;
  year: number;
}

/** 电子证照: numbering, issue, look-up and revocation (撤销). */
@Injectable()
export class LicencesService {
  private readonly logger = new Logger('Licences');

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly licences: LicenceRepository,
    private readonly workflows: ItemWorkflowRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly config: ApprovalConfig,
  ) {}

  /**
   * Everything about the licence but its number: its id can be written on the case before the
   * number is taken, so the series lock is held only for the decision's last statements.
   */
  async prepare(tx: EntityManager, approvalCase: ApprovalCase, terms: LicenceTerms, today: string): Promise<PreparedLicence> {
    const workflow = await this.workflows.find(approvalCase.itemCode, tx);
    // The address and scope the applicant gave on the form, unless the approver words the scope.
    const fromForm = licenceDetailsOf((await this.cases.form(approvalCase.id, tx))?.form);
    const validUntil =
      terms.validUntil ?? (workflow?.licenceValidityYears ? addYearsLessOneDay(today, workflow.licenceValidityYears) : null);
    const licence = tx.create(Licence, {
      id: randomUUID(),
      number: terms.number ?? '',
      caseId: approvalCase.id,
      applicationId: approvalCase.applicationId,
      itemCode: approvalCase.itemCode,
      itemName: approvalCase.itemName,
      departmentCode: approvalCase.departmentCode,
      departmentName: approvalCase.departmentName,
      holder: approvalCase.applicant,
      validFrom: today,
      validUntil,
      scope: terms.scope ?? fromForm.scope ?? approvalCase.itemName,
      holderAddress: fromForm.holderAddress ?? null,
      status: 'valid',
      revokedAt: null,
      revocationReason: null,
      revokedBy: null,
      revocationRequestId: null,
    });
    return {
      licence,
      numbered: terms.number !== undefined,
      template: workflow?.licenceNumberTemplate ?? this.config.licenceNumberTemplate,
      year: Number(today.slice(0, 4)),
    };
  }

  /** Numbers (unless the department's system gave the number) and writes a prepared licence. */
  async issue(tx: EntityManager, prepared: PreparedLicence): Promise<Licence> {
    const { licence } = prepared;
    if (!prepared.numbered) licence.number = await this.nextNumber(tx, prepared.template, licence, prepared.year);
    await this.licences.insert(tx, licence);
    return licence;
  }

  async revokeByUser(user: AuthenticatedUser, id: string, reason: string): Promise<Licence> {
    return this.dataSource.transaction(async (tx) => {
      const licence = await this.licences.lockInScopeOrFail(tx, user, id);
      if (licence.status === 'revoked')
        throw APPROVAL_ERRORS.LICENCE_ALREADY_REVOKED({ revokedOn: licence.revokedAt?.toISOString().slice(0, 10) });
      return this.revoke(tx, licence, reason, { kind: 'person', id: user.id, name: user.name }, null);
    });
  }

  /** Revokes and announces; a licence already revoked stays as it is (a repeated request has no effect). */
  async revoke(tx: EntityManager, licence: Licence, reason: string, actor: ActorV1, requestId: string | null): Promise<Licence> {
    if (licence.status === 'revoked') return licence;
    const now = this.clock.now();
    licence.status = 'revoked';
    licence.revokedAt = now;
    licence.revocationReason = reason;
    licence.revokedBy = actor;
    licence.revocationRequestId = requestId;
    await this.licences.save(tx, licence);
    const partId = await this.cases.partIdOf(tx, licence.caseId);
    await this.outbox.add(
      tx,
      Topics.LicenceRevoked,
      {
        licenceId: licence.id,
        licenceNumber: licence.number,
        applicationId: licence.applicationId,
        ...(partId !== null ? { partId } : {}),
        issuingDepartment: { code: licence.departmentCode, name: licence.departmentName || licence.departmentCode },
        holder: licence.holder,
        reason,
        ...(requestId ? { requestId } : {}),
        revokedBy: actor,
        revokedAt: now.toISOString(),
      },
      requestCause(),
    );
    this.logger.log(`Licence ${licence.number} revoked: ${reason}`);
    return licence;
  }

  private async nextNumber(tx: EntityManager, template: string, licence: Licence, year: number): Promise<string> {
    const parts = { departmentCode: licence.departmentCode, itemCode: licence.itemCode, year };
    // Concurrent approvals in one series never share a number; the row lock lasts to the decision's commit,
    // which keeps a series gapless (a licence register is read by its numbers).
    const sequence = await nextCounterValue(tx, LicenceSeries, 'series', licenceSeries(template, parts));
    return formatLicenceNumber(template, parts, sequence);
  }
}

/** A five-year licence from 2026-03-05 runs to 2031-03-04. */
function addYearsLessOneDay(from: string, years: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
