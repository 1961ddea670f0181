import { IssuanceModule } from '../issuance/issuance.module';
import { Module } from '@nestjs/common';
import { CloseApplicationWhenApplicationDecided, IssueNoticeWhenSupplementRequested, RecordPartDecisionWhenCaseDecided } from './record-decisions.handlers';

/** Departments' decisions and supplement requests coming back to the window (统一出件 starts from here). */
@Module({ imports: [IssuanceModule], providers: [RecordPartDecisionWhenCaseDecided, CloseApplicationWhenApplicationDecided, IssueNoticeWhenSupplementRequested] })
export class DecisionsModule {}
