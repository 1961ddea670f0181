import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HolderRecord } from './holder-record.entity';

/**
 * The holders' credit records (信用记录) as supervision published them: the read model the credit
 * gate (审管互动) consults before an approval. Every read and write of it goes through here; a use
 * case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class HolderRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every record about a holder, by ID or unified social credit code, the latest decision first. */
  async recordsOf(identifier: string, tx: EntityManager = this.dataSource.manager): Promise<HolderRecord[]> {
    return tx.getRepository(HolderRecord).find({ where: { holderIdentifier: identifier }, order: { decidedOn: 'DESC' } });
  }

  /** The record under a row lock, or null: versions of one record arriving together apply one at a time. */
  async lock(tx: EntityManager, recordId: string): Promise<HolderRecord | null> {
    return tx.getRepository(HolderRecord).findOne({ where: { recordId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes the record's latest version, new or replacing the one kept. */
  async save(tx: EntityManager, record: Omit<HolderRecord, 'updatedAt'>): Promise<void> {
    await tx.getRepository(HolderRecord).save(record);
  }
}
