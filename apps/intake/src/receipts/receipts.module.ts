import { Module } from '@nestjs/common';
import { ApplicationRepositoryModule } from '../applications/application-repository.module';
import { ReceiptsController } from './receipts.controller';

/** 受理回执 and 一次性告知书: what the applicant takes home, as JSON and as printable pages. */
@Module({
  imports: [ApplicationRepositoryModule],
  controllers: [ReceiptsController],
})
export class ReceiptsModule {}
