import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CreateVerificationWhenLicenceIssuedOnPledges } from './create-verification.handler';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

/** 告知承诺 核查: verification tasks for licences issued on pledges; a false pledge revokes and blacklists. */
@Module({
  imports: [RecordsModule],
  controllers: [PledgesController],
  providers: [PledgesService, CreateVerificationWhenLicenceIssuedOnPledges],
})
export class PledgesModule {}
