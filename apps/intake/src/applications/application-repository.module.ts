import { Module } from '@nestjs/common';
import { ApplicationRepository } from './application.repository';

/** The Application aggregate's repository, for every module that reads or changes applications. */
@Module({ providers: [ApplicationRepository], exports: [ApplicationRepository] })
export class ApplicationRepositoryModule {}
