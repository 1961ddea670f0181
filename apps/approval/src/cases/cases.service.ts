import { quotedTable } from '@onewindow/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Topics, type ActorV1 } from '@onewindow/contracts';
import { localDateInShanghai } from '@onewindow/domain';
import { EventOutbox } from '@onewindow/messaging';
import { DomainError, departmentScope, requestCause, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { formatLicenceNumber } from '../licences/licence-number';
import { Licence, LicenceNumberSequence } from '../licences/licence.entity';
import { ApplicationProgress } from './application-progress.entity';
import { ApprovalCase, type CaseStatus } from './approval-case.entity';
import { applicationOutcome, checkDecision, type CaseDecision } from './case-decision';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** The caller's department queue; open cases by deadline first. */
  async list(user: AuthenticatedUser, filter: { status?: CaseStatus; page: number; pageSize: number }): Promise<Page<ApprovalCase>> {
    const scope = departmentScope(user);
    const where: FindOptionsWhere<ApprovalCase> = {
      ...(scope.department ? { departmentCode: scope.department } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [items, total] = await this.dataSource.getRepository(ApprovalCase).findAndCount({
      where,
      order: { deadline: 'ASC', openedAt: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ApprovalCase> {
    return this.findScoped(this.dataSource.manager, user, id);
  }

  /**
   * Decides one case. The case row is locked so two approvers cannot both decide it; the
   * application's progress row is locked so exactly one decision, the last, announces the outcome.
   */
  async decide(user: AuthenticatedUser, id: string, decision: CaseDecision): Promise<ApprovalCase> {
    const now = new Date();
    const today = localDateInShanghai(now);
    const actor: ActorV1 = { kind: 'person', id: user.id, name: user.name };
    const cause = requestCause();
    return this.dataSource.transaction(async (tx) => {
      const approvalCase = await this.findScoped(tx, user, id, true);
      const problems = checkDecision(approvalCase.status, decision, today);
      if (problems.length > 0) {
        const status = problems.some((p) => p.code === 'CASE_ALREADY_DECIDED') ? 409 : 422;
        throw DomainError.validation(problems, status);
      }
      let licence: Licence | null = null;
      if (decision.outcome === 'approved') {
        licence = await this.issueLicence(tx, approvalCase, decision, today);
      }
      approvalCase.status = decision.outcome;
      approvalCase.decidedAt = now;
      approvalCase.decidedBy = actor;
      approvalCase.reason = decision.outcome === 'refused' ? decision.reason : null;
      approvalCase.legalBasis = decision.outcome === 'refused' ? decision.legalBasis : null;
      approvalCase.licenceId = licence?.id ?? null;
      await tx.save(approvalCase);

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
          decidedBy: actor,
          decidedAt: now.toISOString(),
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
            supervisingDepartments: approvalCase.supervisingDepartments,
            pledges: approvalCase.pledges,
            issuedAt: now.toISOString(),
          },
          cause,
        );
      }
      await this.recordProgress(tx, approvalCase, decision.outcome === 'approved', now, cause);
      return approvalCase;
    });
  }

  private async recordProgress(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    approved: boolean,
    now: Date,
    cause: ReturnType<typeof requestCause>,
  ): Promise<void> {
    const progress = await tx.getRepository(ApplicationProgress).findOne({
      where: { applicationId: approvalCase.applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!progress) throw new Error(`No progress row for application ${approvalCase.applicationId}`);
    progress.decidedParts += 1;
    if (approved) progress.approvedParts += 1;
    const complete = progress.decidedParts === progress.totalParts && progress.announcedAt === null;
    if (complete) progress.announcedAt = now;
    await tx.save(progress);
    if (!complete) return;
    const parts = await tx.getRepository(ApprovalCase).find({
      where: { applicationId: approvalCase.applicationId },
      order: { partId: 'ASC' },
    });
    await this.outbox.add(
      tx,
      Topics.ApplicationDecided,
      {
        applicationId: approvalCase.applicationId,
        outcome: applicationOutcome(progress.totalParts, progress.approvedParts),
        parts: parts.map((part) => ({ partId: part.partId, outcome: part.status === 'approved' ? 'approved' : 'refused' })),
        decidedAt: now.toISOString(),
      },
      cause,
    );
  }

  private async issueLicence(
    tx: EntityManager,
    approvalCase: ApprovalCase,
    decision: Extract<CaseDecision, { outcome: 'approved' }>,
    today: string,
  ): Promise<Licence> {
    const year = Number(today.slice(0, 4));
    const table = quotedTable(tx, LicenceNumberSequence);
    const rows: Array<{ last_value: number }> = await tx.query(
      `INSERT INTO ${table} (department_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (department_code, year) DO UPDATE SET last_value = ${table}.last_value + 1
       RETURNING last_value`,
      [approvalCase.departmentCode, year],
    );
    const licence = tx.create(Licence, {
      id: randomUUID(),
      number: formatLicenceNumber(approvalCase.departmentCode, year, Number(rows[0]?.last_value)),
      caseId: approvalCase.id,
      applicationId: approvalCase.applicationId,
      itemCode: approvalCase.itemCode,
      departmentCode: approvalCase.departmentCode,
      holder: approvalCase.applicant,
      validFrom: today,
      validUntil: decision.validUntil ?? null,
      scope: decision.scope ?? approvalCase.itemName,
    });
    return tx.save(licence);
  }

  /** A case outside the caller's department is "not found": its existence is not disclosed. */
  private async findScoped(tx: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<ApprovalCase> {
    const scope = departmentScope(user);
    const approvalCase = await tx.getRepository(ApprovalCase).findOne({
      where: { id, ...(scope.department ? { departmentCode: scope.department } : {}) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!approvalCase) throw new DomainError('CASE_NOT_FOUND', '未找到该办件', 404);
    return approvalCase;
  }
}
