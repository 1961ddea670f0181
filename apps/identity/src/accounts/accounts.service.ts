import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError, type AuthenticatedUser, type FieldError, type Page } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DepartmentRepository } from '../departments/department.repository';
import { hashPassword } from '../passwords/password-hash';
import { passwordProblems } from '../passwords/password-policy';
import { SessionRepository } from '../sessions/session.repository';
import { UNLOCKED } from '../sessions/lockout';
import type { AccountChange } from './account-change.entity';
import { checkPlacement, lockOutProblem } from './account-rules';
import { AccountRepository } from './account.repository';
import type { Account, AccountStatus } from './account.entity';
import { toAccountChangeView, toAccountView, type AccountChangeView, type AccountView } from './account.view';
import type { CreateAccountDto, ListAccountsQuery, UpdateAccountDto } from './accounts.dto';

/** What creating an account needs besides the form: its id (fixed for the demo accounts). */
export interface NewAccount extends CreateAccountDto {
  id?: string;
  mustChangePassword?: boolean;
}

/** Staff accounts as an administrator manages them (账户管理). */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly departments: DepartmentRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAccountsQuery): Promise<Page<AccountView>> {
    const page = await this.accounts.list(query);
    return { ...page, items: await this.views(page.items) };
  }

  async get(id: string): Promise<AccountView> {
    return this.view(await this.accounts.getOrFail(id));
  }

  async changes(id: string, page: number, pageSize: number): Promise<Page<AccountChangeView>> {
    await this.accounts.getOrFail(id);
    const changes = await this.accounts.listChanges(id, { page, pageSize });
    return { ...changes, items: changes.items.map(toAccountChangeView) };
  }

  async create(actor: Pick<AuthenticatedUser, 'id' | 'name'>, input: NewAccount): Promise<AccountView> {
    const username = input.username.trim().toLowerCase();
    const department = input.departmentCode ? await this.departments.find(input.departmentCode) : null;
    const placement = checkPlacement({ role: input.role, departmentCode: input.departmentCode ?? null }, department ?? undefined);
    const problems: FieldError[] = [
      ...placement.problems,
      ...passwordProblems(input.password, username).map((message) => ({ path: 'password', code: 'PASSWORD_RULE', message })),
    ];
    if (problems.length > 0) throw DomainError.validation(problems);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    const account = await this.dataSource.transaction(async (tx) => {
      if (await this.accounts.isUsernameTaken(tx, username)) {
        throw DomainError.validation([{ path: 'username', code: 'USERNAME_TAKEN', message: `用户名“${username}”已被使用` }], 'conflict');
      }
      const created = await this.accounts.insert(tx, {
        id: input.id ?? randomUUID(),
        username,
        displayName: input.displayName.trim(),
        role: input.role,
        departmentCode: input.departmentCode ?? null,
        level: placement.level,
        idNumber: input.idNumber ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
        passwordChangedAt: now,
        status: 'active',
        ...UNLOCKED,
        lastSignInAt: null,
      });
      await this.accounts.recordChange(tx, {
        accountId: created.id,
        change: 'created',
        details: { username, role: created.role, departmentCode: created.departmentCode },
        by: actor,
        at: now,
      });
      return created;
    });
    this.logger.log(`Account ${username} (${account.role}) created by ${actor.id}`);
    return this.get(account.id);
  }

  async update(actor: AuthenticatedUser, id: string, input: UpdateAccountDto): Promise<AccountView> {
    return this.change(actor, id, async (tx, account) => {
      const next = {
        role: input.role ?? account.role,
        departmentCode: input.departmentCode === undefined ? account.departmentCode : input.departmentCode,
      };
      const department = next.departmentCode ? await this.departments.find(next.departmentCode, tx) : null;
      const placement = checkPlacement(next, department ?? undefined);
      if (placement.problems.length > 0) throw DomainError.validation(placement.problems);
      await this.refuseLockOut(tx, actor, account, { role: next.role, status: account.status });
      const details: Record<string, unknown> = {};
      if (input.displayName !== undefined && input.displayName.trim() !== account.displayName)
        details['displayName'] = account.displayName = input.displayName.trim();
      if (next.role !== account.role) details['role'] = account.role = next.role;
      if (next.departmentCode !== account.departmentCode) details['departmentCode'] = account.departmentCode = next.departmentCode;
      account.level = placement.level;
      if (input.idNumber !== undefined && input.idNumber !== account.idNumber) {
        account.idNumber = input.idNumber;
        // The audit says that the ID number changed, never the number.
        details['idNumber'] = input.idNumber === null ? 'cleared' : 'changed';
      }
      return Object.keys(details).length > 0 ? { change: 'updated', details } : undefined;
    });
  }

  async setStatus(actor: AuthenticatedUser, id: string, status: AccountStatus): Promise<AccountView> {
    return this.change(actor, id, async (tx, account, now) => {
      if (account.status === status) return undefined;
      await this.refuseLockOut(tx, actor, account, { role: account.role, status });
      account.status = status;
      if (status === 'disabled') await this.sessions.endLiveSessionsOf(tx, account.id, 'account-disabled', now);
      return { change: status === 'disabled' ? 'disabled' : 'enabled' };
    });
  }

  /** 重置密码: a new password the holder must change at the next sign-in; unlocks and ends their sessions. */
  async resetPassword(actor: AuthenticatedUser, id: string, newPassword: string): Promise<AccountView> {
    const current = await this.accounts.getOrFail(id);
    const problems = passwordProblems(newPassword, current.username);
    if (problems.length > 0)
      throw DomainError.validation(problems.map((message) => ({ path: 'newPassword', code: 'PASSWORD_RULE', message })));
    const passwordHash = await hashPassword(newPassword);
    return this.change(actor, id, async (tx, account, now) => {
      Object.assign(account, { passwordHash, passwordChangedAt: now, mustChangePassword: true, ...UNLOCKED });
      await this.sessions.endLiveSessionsOf(tx, account.id, 'password-reset', now);
      return { change: 'password-reset' };
    });
  }

  async unlock(actor: AuthenticatedUser, id: string): Promise<AccountView> {
    return this.change(actor, id, async (_tx, account) => {
      if (account.lockedUntil === null && account.failedAttempts === 0) return undefined;
      Object.assign(account, UNLOCKED);
      return { change: 'unlocked' };
    });
  }

  /**
   * With no account at all, the first administrator (`INITIAL_ADMIN_PASSWORD`): how an installation
   * without demo data gets its first sign-in. The password must be changed at once.
   */
  async createInitialAdministrator(password: string): Promise<void> {
    if ((await this.accounts.count()) > 0) return;
    await this.create(
      { id: 'system', name: '系统初始化' },
      { id: 'admin', username: 'admin', displayName: '系统管理员', role: 'admin', password, mustChangePassword: true },
    );
  }

  private async change(
    actor: Pick<AuthenticatedUser, 'id' | 'name'>,
    id: string,
    apply: (
      tx: EntityManager,
      account: Account,
      now: Date,
    ) => Promise<{ change: AccountChange['change']; details?: Record<string, unknown> } | undefined>,
  ): Promise<AccountView> {
    const account = await this.dataSource.transaction(async (tx) => {
      const account = await this.accounts.lockOrFail(tx, id);
      const now = this.clock.now();
      const change = await apply(tx, account, now);
      if (!change) return account;
      await this.accounts.save(tx, account);
      await this.accounts.recordChange(tx, { accountId: account.id, ...change, by: actor, at: now });
      return account;
    });
    return this.view(account);
  }

  private async refuseLockOut(
    tx: EntityManager,
    actor: AuthenticatedUser,
    account: Account,
    next: { role: Account['role']; status: AccountStatus },
  ): Promise<void> {
    const activeAdministrators = await this.accounts.countActiveAdministrators(tx);
    const problem = lockOutProblem({ actorId: actor.id, target: account, next, activeAdministrators });
    if (problem) throw problem;
  }

  private async view(account: Account): Promise<AccountView> {
    const [view] = await this.views([account]);
    return view as AccountView;
  }

  private async views(accounts: Account[]): Promise<AccountView[]> {
    const names = await this.departments.namesOf(accounts.map((a) => a.departmentCode));
    return accounts.map((account) => toAccountView(account, account.departmentCode ? names.get(account.departmentCode) : undefined));
  }
}
