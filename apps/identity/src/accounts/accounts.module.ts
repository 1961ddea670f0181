import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { SessionRepositoryModule } from '../sessions/session-repository.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({ imports: [DepartmentsModule, SessionRepositoryModule], controllers: [AccountsController], providers: [AccountsService], exports: [AccountsService] })
export class AccountsModule {}
