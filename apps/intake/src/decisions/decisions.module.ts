import { IssuanceModule } from '../issuance/issuance.module';
import { Module } from '@nestjs/common';
import { CloseApplicationWhenApplicationDecided, RecordPartDecisionWhenCaseDecided } from './record-decisions.handlers';

/** Departments' decisions coming back to the window (统一出件 starts from here). */
@Module({ imports: [IssuanceModule], providers: [RecordPartDecisionWhenCaseDecided, CloseApplicationWhenApplicationDecided] })
export class DecisionsModule {}
