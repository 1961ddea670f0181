import { IssuanceModule } from '../issuance/issuance.module';
import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { IntakeEventsModule } from '../events/intake-events.module';
import {
  IssueNoticeWhenSupplementRequested,
  RecordPartDecisionWhenCaseDecided,
  WithdrawNoticeWhenSupplementWithdrawn,
  WithholdResultWhenLicenceRevoked,
} from './record-decisions.handlers';

/** Departments' decisions, supplement requests and revocations coming back to the window (统一出件 starts from here). */
@Module({
  imports: [ApplicationRepositoryModule, IntakeEventsModule, IssuanceModule],
  providers: [
    RecordPartDecisionWhenCaseDecided,
    IssueNoticeWhenSupplementRequested,
    WithdrawNoticeWhenSupplementWithdrawn,
    WithholdResultWhenLicenceRevoked,
  ],
})
export class DecisionsModule {}
