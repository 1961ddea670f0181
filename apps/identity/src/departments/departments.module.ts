import { Module } from '@nestjs/common';
import { DepartmentRepository } from './department.repository';
import { DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';

/** 组织机构: accounts and sessions read departments through the repository. */
@Module({ controllers: [DepartmentsController], providers: [DepartmentRepository, DepartmentsService], exports: [DepartmentRepository] })
export class DepartmentsModule {}
