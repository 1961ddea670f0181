import { Injectable } from '@nestjs/common';
import { departmentCondition, departmentScope, readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { CaseReminder } from './case-reminder.entity';
import { ClockEntry } from './clock-entry.entity';
import type { SpecialProcedure } from './deadline-ledger';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * The deadline ledger of each case (时限台账): its clock entries (suspensions for special
 * procedures, extensions) and the reminders (催办) its colour changes sent. The case's deadline is
 * computed from these, so they are read and written here only; a use case that spans a transaction
 * passes the transaction's EntityManager.
 */
@Injectable()
export class DeadlineLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every entry of the case's ledger in the order it was written: the deadline is recomputed from them in that order. */
  async entries(caseId: string, tx: EntityManager = this.dataSource.manager): Promise<ClockEntry[]> {
    return tx.getRepository(ClockEntry).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  /** A suspension of the case, or the 404. */
  async suspensionOrFail(tx: EntityManager, caseId: string, id: string): Promise<ClockEntry> {
    const entry = await tx.getRepository(ClockEntry).findOne({ where: { id, caseId, kind: 'suspension' } });
    if (!entry) throw APPROVAL_ERRORS.SUSPENSION_NOT_FOUND();
    return entry;
  }

  /** An extension request of the case, or the 404. */
  async extensionOrFail(tx: EntityManager, caseId: string, id: string): Promise<ClockEntry> {
    const entry = await tx.getRepository(ClockEntry).findOne({ where: { id, caseId, kind: 'extension' } });
    if (!entry) throw APPROVAL_ERRORS.EXTENSION_NOT_FOUND();
    return entry;
  }

  /** The suspension still running (of one procedure, when named), or null: a case has at most one. */
  async runningSuspension(tx: EntityManager, caseId: string, procedure?: SpecialProcedure): Promise<ClockEntry | null> {
    return tx
      .getRepository(ClockEntry)
      .findOne({ where: { caseId, kind: 'suspension', ...(procedure ? { procedure } : {}), endOn: IsNull() } });
  }

  /** Extension requests of the case nobody has reviewed yet. */
  async countPendingExtensions(tx: EntityManager, caseId: string): Promise<number> {
    return tx.getRepository(ClockEntry).count({ where: { caseId, kind: 'extension', status: 'requested' } });
  }

  /** Writes the entry as it is now and answers it as written. */
  async save(tx: EntityManager, entry: ClockEntry): Promise<ClockEntry> {
    return tx.save(entry);
  }

  async insertReminder(tx: EntityManager, reminder: Omit<CaseReminder, 'createdAt'>): Promise<void> {
    await tx.insert(CaseReminder, reminder);
  }

  /** The reminders an approver reads: their own and their department pool's, newest first. */
  async reminders(user: AuthenticatedUser, request: PageRequest): Promise<Page<CaseReminder>> {
    const query = this.dataSource
      .getRepository(CaseReminder)
      .createQueryBuilder('r')
      .where(departmentCondition(departmentScope(user)))
      .andWhere('(r.assignee_id = :me OR r.assignee_id IS NULL)', { me: user.id })
      .orderBy('r.created_at', 'DESC');
    return readPage(query, request);
  }
}
