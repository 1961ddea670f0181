import { Injectable } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { departmentScope, readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { DeadlineColour } from '../deadlines/deadline-ledger';
import { ApplicationProgress } from './application-progress.entity';
import { ApprovalCase, type CaseStatus } from './approval-case.entity';
import { CaseForm } from './case-form.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

export interface CaseFilter extends PageRequest {
  status?: CaseStatus;
  colour?: DeadlineColour;
  itemCode?: string;
  applicationNumber?: string;
  greenChannel?: boolean;
  /** Only cases assigned to this approver (not the pool). */
  assigneeId?: string;
}

/** An application's decisions counted so far, as the decision that was just counted left them. */
export interface CountedDecision {
  totalParts: number;
  approvedParts: number;
  /** This decision was the application's last, and the application was not announced before. */
  completed: boolean;
}

/**
 * The approval case aggregate (办件): the case, its form and materials (申请表与材料), and the
 * progress of the application it is a part of. Every read and write of them goes through here, so
 * department scoping and the "not found" refusals are in one place; a use case that spans a
 * transaction passes the transaction's EntityManager.
 */
@Injectable()
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case, or the 404: a clerk prints every department's documents (统一出件), so this read is not scoped. */
  async getOrFail(id: string): Promise<ApprovalCase> {
    return (await this.dataSource.getRepository(ApprovalCase).findOne({ where: { id } })) ?? caseNotFound();
  }

  /** A case the user may read (their department's, or a part of a bundle their department leads), or the 404. */
  async getInScopeOrFail(user: AuthenticatedUser, id: string): Promise<ApprovalCase> {
    return this.inScopeOrFail(this.dataSource.manager, user, id, 'read');
  }

  /**
   * A case of the user's own department under a row lock, or the 404: every change an approver
   * makes starts here, so two changes of one case never interleave. The lead department of a
   * bundle (牵头部门) reads every part, but changes only its own.
   */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<ApprovalCase> {
    return this.inScopeOrFail(tx, user, id, 'write');
  }

  /** The case under a row lock, or null (an event handler decides what that means). */
  async lock(tx: EntityManager, id: string): Promise<ApprovalCase | null> {
    return tx.getRepository(ApprovalCase).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The case of one part of an application under a row lock, or null: a department system names its cases by application and part. */
  async lockPart(tx: EntityManager, applicationId: string, partId: string): Promise<ApprovalCase | null> {
    return tx.getRepository(ApprovalCase).findOne({ where: { partId, applicationId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The department queue (部门审批件) the user works in: green-channel cases first, then the earliest deadline. */
  async list(user: AuthenticatedUser, filter: CaseFilter): Promise<Page<ApprovalCase>> {
    const query = this.dataSource.getRepository(ApprovalCase).createQueryBuilder('c');
    scopeCases(query, user, 'write');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.colour) query.andWhere('c.colour = :colour', { colour: filter.colour });
    if (filter.itemCode) query.andWhere('c.item_code = :itemCode', { itemCode: filter.itemCode });
    if (filter.applicationNumber) query.andWhere('c.application_number = :number', { number: filter.applicationNumber });
    if (filter.greenChannel !== undefined) query.andWhere('c.green_channel = :green', { green: filter.greenChannel });
    if (filter.assigneeId) query.andWhere('c.assignee_id = :me', { me: filter.assigneeId });
    query.orderBy('c.green_channel', 'DESC').addOrderBy('c.deadline', 'ASC').addOrderBy('c.opened_at', 'ASC');
    return readPage(query, filter);
  }

  /**
   * 并联审批: the parts of one application the user may read, by department, or the 404 when there
   * is none (an unknown application and one of other departments only look the same).
   */
  async applicationPartsInScopeOrFail(user: AuthenticatedUser, applicationId: string): Promise<ApprovalCase[]> {
    const query = this.dataSource
      .getRepository(ApprovalCase)
      .createQueryBuilder('c')
      .where('c.application_id = :applicationId', { applicationId });
    scopeCases(query, user, 'read');
    const parts = await query.orderBy('c.department_code', 'ASC').getMany();
    if (parts.length === 0) throw APPROVAL_ERRORS.APPLICATION_NOT_FOUND();
    return parts;
  }

  /** Every part of an application, by part: the application's outcome is read from all of them. */
  async partsOfApplication(tx: EntityManager, applicationId: string): Promise<ApprovalCase[]> {
    return tx.getRepository(ApprovalCase).find({ where: { applicationId }, order: { partId: 'ASC' } });
  }

  /** The part an issued licence answers, for its revocation notice; null when the case is gone. */
  async partIdOf(tx: EntityManager, caseId: string): Promise<string | null> {
    const found = await tx.getRepository(ApprovalCase).findOne({ where: { id: caseId }, select: { partId: true } });
    return found ? found.partId : null;
  }

  /** AB岗: the open cases assigned to an approver of the department, under row locks, to move them to the stand-in. */
  async lockOpenAssignedTo(tx: EntityManager, departmentCode: string, assigneeId: string): Promise<ApprovalCase[]> {
    return tx
      .getRepository(ApprovalCase)
      .find({ where: { departmentCode, assigneeId, status: 'open' }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * 红绿灯 watch: open cases whose colour was not looked at on `today`, by id, locked with SKIP
   * LOCKED so that two instances share the work. `excluding` are cases that failed this pass;
   * `only` narrows the batch to one case.
   */
  async lockUncheckedOpen(
    tx: EntityManager,
    batch: { today: string; limit: number; excluding: ReadonlySet<string>; only?: string },
  ): Promise<ApprovalCase[]> {
    const query = tx
      .getRepository(ApprovalCase)
      .createQueryBuilder('c')
      .where("c.status = 'open'")
      .andWhere('(c.colour_checked_on IS NULL OR c.colour_checked_on <> :today)', { today: batch.today });
    if (batch.only) query.andWhere('c.id = :only', { only: batch.only });
    if (batch.excluding.size > 0) query.andWhere('c.id NOT IN (:...failed)', { failed: [...batch.excluding] });
    return query.orderBy('c.id').limit(batch.limit).setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
  }

  /** Writes a new case with its form and materials. */
  async insert(tx: EntityManager, approvalCase: ApprovalCase, dossier: Omit<CaseForm, 'caseId'>): Promise<void> {
    await tx.insert(ApprovalCase, approvalCase);
    await tx.insert(CaseForm, { caseId: approvalCase.id, form: dossier.form, materials: dossier.materials });
  }

  /** Writes only the named columns of a case held in memory under its lock: one UPDATE instead of save's read-back and diff. */
  async update(tx: EntityManager, id: string, changes: Partial<ApprovalCase>): Promise<void> {
    await tx.update(ApprovalCase, { id }, changes);
  }

  /** Writes the whole case as it is now. */
  async save(tx: EntityManager, approvalCase: ApprovalCase): Promise<void> {
    await tx.save(approvalCase);
  }

  /** The case's form and materials as accepted; null for a case opened before forms were kept. */
  async form(caseId: string, tx: EntityManager = this.dataSource.manager): Promise<CaseForm | null> {
    return tx.getRepository(CaseForm).findOne({ where: { caseId } });
  }

  /** The form corrected with a supplement replaces what the approver reads. */
  async replaceForm(tx: EntityManager, caseId: string, form: CaseForm['form']): Promise<void> {
    await tx.update(CaseForm, { caseId }, { form });
  }

  /** An accepted application's progress starts with none of its parts decided. */
  async insertApplicationProgress(tx: EntityManager, applicationId: string, totalParts: number): Promise<void> {
    await tx.insert(ApplicationProgress, { applicationId, totalParts, decidedParts: 0, approvedParts: 0, announcedAt: null });
  }

  /** How far the application's decisions have come; every application with a case has its progress row. */
  async applicationProgress(applicationId: string): Promise<ApplicationProgress> {
    return this.dataSource.getRepository(ApplicationProgress).findOneByOrFail({ applicationId });
  }

  /**
   * Counts a decision in its application's progress, in one statement under the row's lock:
   * concurrent decisions of one bundle queue here, and exactly the one that completes the count
   * learns that it did.
   */
  async countDecision(tx: EntityManager, applicationId: string, approved: boolean, now: Date): Promise<CountedDecision> {
    const table = quotedTable(tx, ApplicationProgress);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [Array<{ total_parts: number; approved_parts: number; complete: boolean }>, number] = await tx.query(
      `WITH before AS (SELECT announced_at FROM ${table} WHERE application_id = $1 FOR UPDATE)
       UPDATE ${table} AS p
          SET decided_parts = p.decided_parts + 1,
              approved_parts = p.approved_parts + $2,
              announced_at = CASE WHEN p.decided_parts + 1 = p.total_parts AND p.announced_at IS NULL THEN $3::timestamptz ELSE p.announced_at END
         FROM before
        WHERE p.application_id = $1
        RETURNING p.total_parts, p.approved_parts, (p.decided_parts = p.total_parts AND before.announced_at IS NULL) AS complete`,
      [applicationId, approved ? 1 : 0, now],
    );
    const progress = rows[0];
    if (!progress) throw new Error(`No progress row for application ${applicationId}`);
    return { totalParts: Number(progress.total_parts), approvedParts: Number(progress.approved_parts), completed: progress.complete };
  }

  private async inScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string, access: 'read' | 'write'): Promise<ApprovalCase> {
    const query = tx.getRepository(ApprovalCase).createQueryBuilder('c').where('c.id = :id', { id });
    scopeCases(query, user, access);
    if (access === 'write') query.setLock('pessimistic_write');
    return (await query.getOne()) ?? caseNotFound();
  }
}

function caseNotFound(): never {
  throw APPROVAL_ERRORS.CASE_NOT_FOUND();
}

/**
 * A case of another department is "not found": its existence is not disclosed. The lead
 * department of a bundle (牵头部门) may read every part of it, but changes only its own.
 */
function scopeCases(query: SelectQueryBuilder<ApprovalCase>, user: AuthenticatedUser, access: 'read' | 'write'): void {
  const scope = departmentScope(user);
  if (scope.kind === 'all') return;
  if (scope.kind === 'none') {
    query.andWhere('false');
    return;
  }
  const department = scope.code;
  if (access === 'write') {
    query.andWhere('c.department_code = :scopeDepartment', { scopeDepartment: department });
    return;
  }
  query.andWhere(
    new Brackets((where) => {
      where
        .where('c.department_code = :scopeDepartment', { scopeDepartment: department })
        .orWhere('c.lead_department_code = :scopeDepartment', { scopeDepartment: department });
    }),
  );
}
