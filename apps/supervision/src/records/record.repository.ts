import { Injectable } from '@nestjs/common';
import { readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { lockInDepartmentOrFail } from '../departments-scoped';
import { SupervisionRecord } from './supervision-record.entity';
import { SUPERVISION_ERRORS } from '../supervision-errors';

/**
 * The supervision record aggregate (监管信息: penalties, credit records, inspection results).
 * Every read and write of records goes through here, so department scoping and the "not found"
 * refusal are in one place; a use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class RecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A record of the user's department under a row lock, or the 404: a withdrawal starts here. */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<SupervisionRecord> {
    return lockInDepartmentOrFail(tx, SupervisionRecord, user, id, () => SUPERVISION_ERRORS.RECORD_NOT_FOUND());
  }

  /** The record under a row lock, or null: a department system may send a record again, or withdraw one never received. */
  async lock(tx: EntityManager, id: string): Promise<SupervisionRecord | null> {
    return tx.getRepository(SupervisionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every record about a holder, newest decision first; every supervisor may read them (信用信息共享). */
  async listOfHolder(holderIdentifier: string, request: PageRequest): Promise<Page<SupervisionRecord>> {
    const query = this.dataSource
      .getRepository(SupervisionRecord)
      .createQueryBuilder('r')
      .where({ holderIdentifier })
      .orderBy('r.decidedOn', 'DESC')
      .addOrderBy('r.publishedAt', 'DESC');
    return readPage(query, request);
  }

  /**
   * Writes a new record and answers it. `save`, not an insert: a department system's record id is
   * derived from its own, so the same record may already be there (the caller checked under a lock).
   */
  async saveNew(tx: EntityManager, fields: SupervisionRecord): Promise<SupervisionRecord> {
    const record = tx.create(SupervisionRecord, fields);
    await tx.save(record);
    return record;
  }

  /** Writes the record as it is now (one withdrawn). */
  async save(tx: EntityManager, record: SupervisionRecord): Promise<void> {
    await tx.save(record);
  }
}
