import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository';

/** The approval case aggregate's repository, for every module that reads or changes cases. */
@Module({ providers: [CaseRepository], exports: [CaseRepository] })
export class CaseRepositoryModule {}
