import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DepartmentsModule } from '../departments/departments.module';
import { SessionRepositoryModule } from './session-repository.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [DepartmentsModule, AccountsModule, SessionRepositoryModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
