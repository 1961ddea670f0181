import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CaseStepRecord } from './case-step-record.entity';

/**
 * The history of each case (办件流转记录): a record of every step completed, assignment, stand-in
 * and note, in the order they happened. Records are only ever added; they are read and written here.
 */
@Injectable()
export class CaseHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case's records in the order they were written. */
  async ofCase(caseId: string): Promise<CaseStepRecord[]> {
    return this.dataSource.getRepository(CaseStepRecord).find({ where: { caseId }, order: { sequence: 'ASC' } });
  }

  /** The last completed 审查 or 审核 of the case, or null: 审批分离 asks who completed it. */
  async lastCompletedReview(tx: EntityManager, caseId: string): Promise<CaseStepRecord | null> {
    return tx
      .getRepository(CaseStepRecord)
      .findOne({ where: { caseId, kind: 'completed', step: In(['examine', 'verify']) }, order: { sequence: 'DESC' } });
  }

  async insert(tx: EntityManager, record: Omit<CaseStepRecord, 'at' | 'sequence'>): Promise<void> {
    await tx.insert(CaseStepRecord, record);
  }
}
