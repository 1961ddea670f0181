import { Module } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';

/** The catalogue aggregate's repository, for every module that reads the catalogue (filing, appointments) or changes it. */
@Module({ providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CatalogueRepositoryModule {}
