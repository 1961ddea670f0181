import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Department } from './department.entity';

/** What an administrator (or the demo data) states about a department; the timestamps are the database's. */
export type DepartmentFields = Pick<Department, 'code' | 'name' | 'kind' | 'level'>;

/**
 * The department aggregate (组织机构): every read and write of the organisation units goes through
 * here; a use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class DepartmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every department: the kinds, then the levels, then by code. */
  async list(): Promise<Department[]> {
    return this.dataSource.getRepository(Department).find({ order: { kind: 'ASC', level: 'ASC', code: 'ASC' } });
  }

  /** The department, or null: an account's placement is checked against it, and a view shows its name when there is one. */
  async find(code: string, manager: EntityManager = this.dataSource.manager): Promise<Department | null> {
    return manager.getRepository(Department).findOneBy({ code });
  }

  /** Department names by code, for the views of many accounts at once. */
  async namesOf(codes: Array<string | null>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(codes.filter((code): code is string => Boolean(code)))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.getRepository(Department).findBy({ code: In(wanted) });
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  /** Creates the departments or replaces what they state, by code: putting one twice is harmless. */
  async upsert(departments: readonly DepartmentFields[]): Promise<void> {
    await this.dataSource.getRepository(Department).upsert([...departments], ['code']);
  }

  /** The department as stored, which must exist (just written). */
  async findOrFail(code: string): Promise<Department> {
    return this.dataSource.getRepository(Department).findOneByOrFail({ code });
  }
}
