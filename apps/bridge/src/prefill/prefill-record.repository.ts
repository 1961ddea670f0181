import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { BRIDGE_ERRORS } from '../bridge-errors';
import { PrefillRecord } from './prefill-record.entity';

/**
 * Prefill records (预填记录): one per look-up that filled a form, with how the form then used the
 * fields. Every read and write of them goes through here; a use case that spans a transaction
 * passes its EntityManager.
 */
@Injectable()
export class PrefillRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, record: PrefillRecord): Promise<void> {
    await tx.insert(PrefillRecord, record);
  }

  /** The record under a row lock, or the 404: a form's report starts here, so two reports never interleave. */
  async lockOrFail(tx: EntityManager, id: string): Promise<PrefillRecord> {
    const record = await tx.getRepository(PrefillRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!record) throw BRIDGE_ERRORS.PREFILL_NOT_FOUND();
    return record;
  }

  /** Writes the record as it is now (a form's report) and gives it back as stored. */
  async save(tx: EntityManager, record: PrefillRecord): Promise<PrefillRecord> {
    return tx.save(record);
  }

  /** How many look-ups filled a form, and how many fields they filled in all. */
  async totals(): Promise<{ lookups: number; filled: number }> {
    const [{ lookups, filled }] = (await this.dataSource
      .getRepository(PrefillRecord)
      .createQueryBuilder('p')
      .select(['count(*) AS lookups', 'coalesce(sum(p.fields_filled), 0) AS filled'])
      .getRawMany()) as Array<{ lookups: string; filled: string }>;
    return { lookups: Number(lookups), filled: Number(filled) };
  }

  /** The records whose form reported how it used the fields. */
  async listReported(): Promise<PrefillRecord[]> {
    return this.dataSource.getRepository(PrefillRecord).find({ where: { reportedAt: Not(IsNull()) } });
  }
}
