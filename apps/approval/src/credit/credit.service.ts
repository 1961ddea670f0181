import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseRepository } from '../cases/case.repository';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { creditStanding, type CreditStanding } from '@onewindow/domain';
import { HolderRecord } from './holder-record.entity';
import { toHolderRecordView, type CaseCreditView } from './credit.view';

@Injectable()
export class CreditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  async recordsOf(tx: EntityManager, identifier: string): Promise<HolderRecord[]> {
    return tx.getRepository(HolderRecord).find({ where: { holderIdentifier: identifier }, order: { decidedOn: 'DESC' } });
  }

  async standingOf(tx: EntityManager, identifier: string): Promise<CreditStanding> {
    return creditStanding(await this.recordsOf(tx, identifier), this.deadlines.today());
  }

  /** What the approver sees before deciding: the applicant's standing and every record. */
  async forCase(user: AuthenticatedUser, caseId: string): Promise<CaseCreditView> {
    const approvalCase = await this.cases.getInScopeOrFail(user, caseId);
    const records = await this.recordsOf(this.dataSource.manager, approvalCase.applicant.identifier);
    const standing = creditStanding(records, this.deadlines.today());
    return {
      holder: { name: approvalCase.applicant.name, identifier: approvalCase.applicant.identifier },
      blacklisted: standing.blacklisted,
      redlisted: standing.redlisted,
      reliesOnTolerance: approvalCase.deficiencies.length > 0 || approvalCase.pledges.length > 0,
      records: records.map(toHolderRecordView),
    };
  }
}
