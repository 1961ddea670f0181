import { Injectable } from '@nestjs/common';
import { departmentCondition, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { Approver } from './approver.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

/**
 * The approvers (审批人员) of each department with their stand-ins (AB岗: A角 / B角). Every read
 * and write of them goes through here, so the "not found" refusals are in one place; a use case
 * that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class ApproverRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The approvers of the user's department (every department's for the platform), by department and id. */
  async listInScope(user: AuthenticatedUser): Promise<Approver[]> {
    return this.dataSource
      .getRepository(Approver)
      .find({ where: departmentCondition(departmentScope(user)), order: { departmentCode: 'ASC', id: 'ASC' } });
  }

  /**
   * The approver registered under `id` before, or null when the id is new. An id registered in
   * another department is refused as not found: a department cannot take over another's approver.
   */
  async findForRegistration(id: string, departmentCode: string): Promise<Approver | null> {
    const existing = await this.dataSource.getRepository(Approver).findOne({ where: { id } });
    if (existing && existing.departmentCode !== departmentCode) throw APPROVAL_ERRORS.APPROVER_NOT_FOUND({ registerFirst: false });
    return existing;
  }

  /** An approver of the department, or null: a stand-in or a new assignee must be one. */
  async findInDepartment(id: string, departmentCode: string, tx: EntityManager = this.dataSource.manager): Promise<Approver | null> {
    return tx.getRepository(Approver).findOne({ where: { id, departmentCode } });
  }

  /** An approver of the user's department under a row lock, or the 404 (register them first). */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<Approver> {
    const approver = await tx
      .getRepository(Approver)
      .findOne({ where: { id, ...departmentCondition(departmentScope(user)) }, lock: { mode: 'pessimistic_write' } });
    if (!approver) throw APPROVAL_ERRORS.APPROVER_NOT_FOUND({ registerFirst: true });
    return approver;
  }

  /** Every approver of the department: who is away and who stands in for whom, to resolve an assignee. */
  async ofDepartment(tx: EntityManager, departmentCode: string): Promise<Approver[]> {
    return tx.getRepository(Approver).find({ where: { departmentCode } });
  }

  /** Whether any approver is registered at all (the demo registers its own only into an empty directory). */
  async exists(): Promise<boolean> {
    return (await this.dataSource.getRepository(Approver).count()) > 0;
  }

  /** Writes the approver, new or replacing the one registered, and answers it as written. */
  async save(approver: Omit<Approver, 'updatedAt'>, tx: EntityManager = this.dataSource.manager): Promise<Approver> {
    return tx.getRepository(Approver).save(approver);
  }

  /** Registers several approvers at once (the demo's). */
  async saveAll(approvers: Array<Omit<Approver, 'updatedAt'>>): Promise<void> {
    await this.dataSource.getRepository(Approver).save(approvers);
  }
}
