import { Injectable } from '@nestjs/common';
import { departmentCondition, departmentScope, readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Licence } from './licence.entity';
import { APPROVAL_ERRORS } from '../approval-errors';

export interface LicenceFilter extends PageRequest {
  /** 持证人证件号码: the holder's ID or unified social credit code. */
  holder?: string;
  status?: Licence['status'];
}

/**
 * The licence aggregate (电子证照): every read and write of issued licences goes through here, so
 * department scoping and the "not found" refusals are in one place; a use case that spans a
 * transaction passes the transaction's EntityManager.
 */
@Injectable()
export class LicenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The licence, or null (a decision document prints without one when it is gone). */
  async find(id: string): Promise<Licence | null> {
    return this.dataSource.getRepository(Licence).findOne({ where: { id } });
  }

  /**
   * The licence if `mayRead` admits it, else the 404: a licence the reader may not see is not
   * disclosed. The window prints every department's licences (统一出件), so the rule is the caller's.
   */
  async getOrFail(id: string, mayRead: (licence: Licence) => boolean): Promise<Licence> {
    const licence = await this.find(id);
    return licence && mayRead(licence) ? licence : notFound('by-id');
  }

  /** A licence of the user's department, or the 404. */
  async getInScopeOrFail(user: AuthenticatedUser, id: string): Promise<Licence> {
    return (await this.dataSource.getRepository(Licence).findOne({ where: this.inScope(user, id) })) ?? notFound('by-id');
  }

  /** A licence of the user's department under a row lock, or the 404: a revocation starts here. */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<Licence> {
    return (
      (await tx.getRepository(Licence).findOne({ where: this.inScope(user, id), lock: { mode: 'pessimistic_write' } })) ?? notFound('by-id')
    );
  }

  /** The licence under a row lock, or null (an event handler decides what that means). */
  async lock(tx: EntityManager, id: string): Promise<Licence | null> {
    return tx.getRepository(Licence).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * 证照核验: the licence a member of the public names by its number and proves with its code; the
   * same 404 for an unknown number and a wrong code, so the register cannot be walked.
   */
  async getVerifiedOrFail(number: string, proves: (licence: Licence) => boolean): Promise<Licence> {
    const licence = await this.dataSource.getRepository(Licence).findOne({ where: { number } });
    return licence && proves(licence) ? licence : notFound('verification');
  }

  /** The user's department's licences, newest first. */
  async list(user: AuthenticatedUser, filter: LicenceFilter): Promise<Page<Licence>> {
    const where: FindOptionsWhere<Licence> = {
      ...departmentCondition(departmentScope(user)),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const query = this.dataSource.getRepository(Licence).createQueryBuilder('l').where(where);
    if (filter.holder) query.andWhere("l.holder->>'identifier' = :holder", { holder: filter.holder });
    return readPage(query.orderBy('l.issued_at', 'DESC'), filter);
  }

  async insert(tx: EntityManager, licence: Licence): Promise<void> {
    await tx.insert(Licence, licence);
  }

  /** Writes the licence as it is now (a revocation). */
  async save(tx: EntityManager, licence: Licence): Promise<void> {
    await tx.save(licence);
  }

  private inScope(user: AuthenticatedUser, id: string): FindOptionsWhere<Licence> {
    return { id, ...departmentCondition(departmentScope(user)) };
  }
}

function notFound(lookup: 'by-id' | 'verification'): never {
  throw APPROVAL_ERRORS.LICENCE_NOT_FOUND({ lookup });
}
