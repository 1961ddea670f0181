import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { SessionRepositoryModule } from '../sessions/session-repository.module';
import { AccountRepository } from './account.repository';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  imports: [DepartmentsModule, SessionRepositoryModule],
  controllers: [AccountsController],
  providers: [AccountRepository, AccountsService],
  exports: [AccountsService, AccountRepository],
})
export class AccountsModule {}
