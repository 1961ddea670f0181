import { Module } from '@nestjs/common';
import { LicenceRepository } from './licence.repository';

/** The licence aggregate's repository, for every module that reads or changes licences. */
@Module({ providers: [LicenceRepository], exports: [LicenceRepository] })
export class LicenceRepositoryModule {}
