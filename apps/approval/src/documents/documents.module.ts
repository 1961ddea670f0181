import { Module } from '@nestjs/common';
import { LicenceRepositoryModule } from '../licences/licence-repository.module';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { DocumentsController, PublicLicencesController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { LegalProfileRepository } from './legal-profile.repository';
import { LegalProfilesService } from './legal-profiles.service';

/** 决定书与证照: decision documents, printable licences with their QR verification, and each department's legal profile. */
@Module({
  imports: [CaseRepositoryModule, LicenceRepositoryModule],
  controllers: [DocumentsController, PublicLicencesController],
  providers: [LegalProfileRepository, DocumentsService, LegalProfilesService],
  exports: [LegalProfilesService],
})
export class DocumentsModule {}
