import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { CaseRepository } from '../cases/case.repository';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { creditStanding, type CreditStanding } from '@onewindow/domain';
import { HolderRecordRepository } from './holder-record.repository';
import { toHolderRecordView, type CaseCreditView } from './credit.view';

@Injectable()
export class CreditService {
  constructor(
    private readonly records: HolderRecordRepository,
    private readonly cases: CaseRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  async standingOf(tx: EntityManager, identifier: string): Promise<CreditStanding> {
    return creditStanding(await this.records.recordsOf(identifier, tx), this.deadlines.today());
  }

  /** What the approver sees before deciding: the applicant's standing and every record. */
  async forCase(user: AuthenticatedUser, caseId: string): Promise<CaseCreditView> {
    const approvalCase = await this.cases.getInScopeOrFail(user, caseId);
    const records = await this.records.recordsOf(approvalCase.applicant.identifier);
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
