import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({ imports: [DepartmentsModule], controllers: [SessionsController], providers: [SessionsService] })
export class SessionsModule {}
