import { Injectable } from '@nestjs/common';
import { departmentCondition, departmentScope, readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { lockInDepartmentOrFail } from '../departments-scoped';
import { PledgeVerification, type VerificationStatus } from './pledge-verification.entity';
import { SUPERVISION_ERRORS } from '../supervision-errors';

export interface VerificationFilter extends PageRequest {
  status?: VerificationStatus;
  /** Only open tasks due before `today`; wins over `status`. */
  overdue?: boolean;
}

/**
 * The pledge verification aggregate (告知承诺核查): every read and write of verification tasks goes
 * through here, so department scoping and the "not found" refusal are in one place; a use case that
 * spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class PledgeVerificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A task of the user's department under a row lock, or the 404: a verification result starts here. */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<PledgeVerification> {
    return lockInDepartmentOrFail(tx, PledgeVerification, user, id, () => SUPERVISION_ERRORS.VERIFICATION_NOT_FOUND());
  }

  /** The user's department's tasks, the earliest due first; `today` (China) decides what is overdue. */
  async list(user: AuthenticatedUser, filter: VerificationFilter, today: string): Promise<Page<PledgeVerification>> {
    const where: FindOptionsWhere<PledgeVerification> = {
      ...departmentCondition(departmentScope(user)),
      ...(filter.overdue ? { status: 'open' as const, dueOn: LessThan(today) } : filter.status ? { status: filter.status } : {}),
    };
    const query = this.dataSource
      .getRepository(PledgeVerification)
      .createQueryBuilder('v')
      .where(where)
      .orderBy('v.dueOn', 'ASC')
      .addOrderBy('v.createdAt', 'ASC');
    return readPage(query, filter);
  }

  /** Writes a new task unless the licence has one already (a licence announced twice gets one task). */
  async insertIfNew(tx: EntityManager, task: PledgeVerification): Promise<void> {
    await tx.createQueryBuilder().insert().into(PledgeVerification).values(task).orIgnore().execute();
  }

  /** Writes the task as it is now (a verification result), and answers it. */
  async save(tx: EntityManager, task: PledgeVerification): Promise<PledgeVerification> {
    return tx.save(task);
  }
}
