import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ReceiptsController } from './receipts.controller';

/** 受理回执 and 一次性告知书: what the applicant takes home, as JSON and as printable pages. */
@Module({
  imports: [ApplicationsModule],
  controllers: [ReceiptsController],
})
export class ReceiptsModule {}
