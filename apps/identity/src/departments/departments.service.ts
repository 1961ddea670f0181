import { Injectable } from '@nestjs/common';
import { DomainError } from '@onewindow/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Department } from './department.entity';
import type { PutDepartmentDto } from './departments.dto';

const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,31}$/;

/** The organisation units accounts belong to (组织机构). */
@Injectable()
export class DepartmentsService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<Department[]> {
    return this.dataSource.getRepository(Department).find({ order: { kind: 'ASC', level: 'ASC', code: 'ASC' } });
  }

  find(code: string, manager: EntityManager = this.dataSource.manager): Promise<Department | null> {
    return manager.getRepository(Department).findOneBy({ code });
  }

  /** Department names by code, for the views of many accounts at once. */
  async namesOf(codes: Array<string | null>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(codes.filter((code): code is string => Boolean(code)))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.getRepository(Department).findBy({ code: In(wanted) });
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  async put(code: string, body: PutDepartmentDto): Promise<Department> {
    if (!CODE_PATTERN.test(code)) {
      throw DomainError.validation([{ path: 'code', code: 'DEPARTMENT_CODE', message: '部门编码须为大写字母开头的2到32位大写字母、数字或连字符' }]);
    }
    const repository = this.dataSource.getRepository(Department);
    await repository.upsert({ code, name: body.name, kind: body.kind, level: body.level }, ['code']);
    return repository.findOneByOrFail({ code });
  }
}
