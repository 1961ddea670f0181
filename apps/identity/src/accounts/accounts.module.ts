import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({ imports: [DepartmentsModule], controllers: [AccountsController], providers: [AccountsService], exports: [AccountsService] })
export class AccountsModule {}
