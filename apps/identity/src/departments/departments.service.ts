import { Injectable } from '@nestjs/common';
import { DomainError } from '@onewindow/platform';
import { DepartmentRepository } from './department.repository';
import type { Department } from './department.entity';
import type { PutDepartmentDto } from './departments.dto';

const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,31}$/;

/** The organisation units accounts belong to (组织机构). */
@Injectable()
export class DepartmentsService {
  constructor(private readonly departments: DepartmentRepository) {}

  list(): Promise<Department[]> {
    return this.departments.list();
  }

  async put(code: string, body: PutDepartmentDto): Promise<Department> {
    if (!CODE_PATTERN.test(code)) {
      throw DomainError.validation([
        { path: 'code', code: 'DEPARTMENT_CODE', message: '部门编码须为大写字母开头的2到32位大写字母、数字或连字符' },
      ]);
    }
    await this.departments.upsert([{ code, name: body.name, kind: body.kind, level: body.level }]);
    return this.departments.findOrFail(code);
  }
}
