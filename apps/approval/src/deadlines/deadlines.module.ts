import { Module } from '@nestjs/common';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { DeadlineLedgerRepository } from './deadline-ledger.repository';
import { DeadlineWatch } from './deadline-watch';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

/** 时限管理: the deadline ledger of each case, special procedures, extensions, the traffic-light watch. */
@Module({
  imports: [CaseRepositoryModule],
  controllers: [DeadlinesController],
  providers: [DeadlineLedgerRepository, DeadlinesService, DeadlineWatch],
  exports: [DeadlineLedgerRepository, DeadlinesService],
})
export class DeadlinesModule {}
