import { Injectable } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CreditEntry } from './credit-entry.entity';

/**
 * The window's event-fed copy of applicants' credit status (信用状况): the 失信 entries
 * supervision publishes, one row per record, in the version last published.
 */
@Injectable()
export class CreditEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every entry of the holder (credit code or ID number, upper case), the latest decided first. */
  async ofHolder(holderIdentifier: string, tx: EntityManager = this.dataSource.manager): Promise<CreditEntry[]> {
    return tx.getRepository(CreditEntry).find({ where: { holderIdentifier }, order: { decidedOn: 'DESC' } });
  }

  /**
   * Keeps the entry as published, in one statement: a newer version replaces an older one; an
   * older one arriving late (events of one record may be redelivered out of order) changes nothing.
   */
  async keep(tx: EntityManager, entry: CreditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO ${quotedTable(tx, CreditEntry)} (record_id, holder_identifier, kind, title, department_name, document_number, decided_on, valid_until, withdrawn, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (record_id) DO UPDATE SET title = EXCLUDED.title, document_number = EXCLUDED.document_number, decided_on = EXCLUDED.decided_on,
         valid_until = EXCLUDED.valid_until, withdrawn = EXCLUDED.withdrawn, published_at = EXCLUDED.published_at
       WHERE ${quotedTable(tx, CreditEntry)}.published_at < EXCLUDED.published_at`,
      [
        entry.recordId,
        entry.holderIdentifier,
        entry.kind,
        entry.title,
        entry.departmentName,
        entry.documentNumber,
        entry.decidedOn,
        entry.validUntil,
        entry.withdrawn,
        entry.publishedAt,
      ],
    );
  }
}
