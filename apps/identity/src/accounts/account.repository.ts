import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { readPage, type Page, type PageRequest, type Role } from '@onewindow/platform';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AccountChange, type AccountChangeKind } from './account-change.entity';
import { Account, type AccountStatus } from './account.entity';
import { IDENTITY_ERRORS } from '../identity-errors';

export interface AccountFilter extends PageRequest {
  /** Text in the username or the display name. */
  q?: string;
  role?: Role;
  departmentCode?: string;
  status?: AccountStatus;
}

/** One row of the administration audit: who changed the account, when and what (never a password). */
export interface AccountChangeRecord {
  accountId: string;
  change: AccountChangeKind;
  details?: Record<string, unknown>;
  by: { id: string; name: string };
  at: Date;
}

/**
 * The account aggregate (账户): staff accounts and their administration audit (账户变更记录).
 * Every read and write of them goes through here, so the "not found" refusal is in one place; a
 * use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account, or null (a session whose account is gone is simply not live). */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Account | null> {
    return manager.getRepository(Account).findOneBy({ id });
  }

  /** The account, or the 404: the one place an unknown account id is refused. */
  async getOrFail(id: string, manager: EntityManager = this.dataSource.manager): Promise<Account> {
    return (await this.find(id, manager)) ?? notFound();
  }

  /** The account under a row lock, or the 404: every change an administrator makes starts here. */
  async lockOrFail(tx: EntityManager, id: string): Promise<Account> {
    return (await tx.getRepository(Account).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? notFound();
  }

  /**
   * The account of a username under a row lock, or null: a sign-in starts here, so concurrent
   * wrong passwords are counted one after the other.
   */
  async lockByUsername(tx: EntityManager, username: string): Promise<Account | null> {
    return tx.getRepository(Account).findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
  }

  /** 账户管理's list, by username. */
  async list(filter: AccountFilter): Promise<Page<Account>> {
    const query = this.dataSource.getRepository(Account).createQueryBuilder('a');
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(new Brackets((q) => q.where('a.username ILIKE :like', { like }).orWhere('a.display_name ILIKE :like', { like })));
    }
    if (filter.role) query.andWhere('a.role = :role', { role: filter.role });
    if (filter.departmentCode) query.andWhere('a.department_code = :department', { department: filter.departmentCode });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    return readPage(query.orderBy('a.username', 'ASC'), filter);
  }

  async isUsernameTaken(tx: EntityManager, username: string): Promise<boolean> {
    return tx.getRepository(Account).existsBy({ username });
  }

  /** How many accounts there are: none means a fresh installation (initial administrator, demo data). */
  async count(): Promise<number> {
    return this.dataSource.getRepository(Account).count();
  }

  /** Enabled administrators: the last one may not be disabled or lose the role. */
  async countActiveAdministrators(tx: EntityManager): Promise<number> {
    return tx.getRepository(Account).countBy({ role: 'admin', status: 'active' });
  }

  /** Writes a new account and answers it; its timestamps and version are the database's. */
  async insert(tx: EntityManager, fields: Omit<Account, 'createdAt' | 'updatedAt' | 'version'>): Promise<Account> {
    const account = tx.getRepository(Account).create(fields);
    await tx.getRepository(Account).insert(account);
    return account;
  }

  /** Writes only the named columns (a sign-in's counters, a password change): one UPDATE, no read-back. */
  async update(tx: EntityManager, id: string, changes: Partial<Account>): Promise<void> {
    await tx.getRepository(Account).update({ id }, changes);
  }

  /** Writes the account as it is now (an administrator's change). */
  async save(tx: EntityManager, account: Account): Promise<void> {
    await tx.getRepository(Account).save(account);
  }

  /** Writes one row of the administration audit in the caller's transaction. */
  async recordChange(tx: EntityManager, change: AccountChangeRecord): Promise<void> {
    const repository = tx.getRepository(AccountChange);
    await repository.save(
      repository.create({
        id: randomUUID(),
        accountId: change.accountId,
        change: change.change,
        details: change.details ?? {},
        byId: change.by.id,
        byName: change.by.name,
        at: change.at,
      }),
    );
  }

  /** The account's administration audit, newest first. */
  async listChanges(accountId: string, request: PageRequest): Promise<Page<AccountChange>> {
    const query = this.dataSource.getRepository(AccountChange).createQueryBuilder('c').where({ accountId }).orderBy('c.at', 'DESC');
    return readPage(query, request);
  }
}

function notFound(): never {
  throw IDENTITY_ERRORS.ACCOUNT_NOT_FOUND();
}
