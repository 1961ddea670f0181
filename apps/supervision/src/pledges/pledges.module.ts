import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CreateVerificationWhenLicenceIssuedOnPledges } from './create-verification.handler';
import { PledgeVerificationRepository } from './pledge-verification.repository';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

/** 告知承诺 核查: verification tasks for licences issued on pledges; a false pledge revokes and blacklists. */
@Module({
  imports: [RecordsModule],
  controllers: [PledgesController],
  providers: [PledgeVerificationRepository, PledgesService, CreateVerificationWhenLicenceIssuedOnPledges],
})
export class PledgesModule {}
