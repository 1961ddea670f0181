import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AUTH_TOKEN_SECRET,
  Clock,
  DomainError,
  issueToken,
  PLATFORM_ERRORS,
  type AuthenticatedUser,
  type Page,
  type VerifiedToken,
} from '@onewindow/platform';
import { Inject } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountRepository } from '../accounts/account.repository';
import type { Account } from '../accounts/account.entity';
import { toSessionUserView } from '../accounts/account.view';
import { DepartmentRepository } from '../departments/department.repository';
import { IdentityConfig } from '../identity.config';
import { hashPassword, needsRehash, UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../passwords/password-hash';
import { passwordProblems } from '../passwords/password-policy';
import { IDENTITY_ERRORS } from '../identity-errors';
import { afterWrongPassword, isLocked, UNLOCKED } from './lockout';
import type { Session } from './session.entity';
import { SessionRepository } from './session.repository';
import type { SessionView } from './session.view';
import { toSignInRecordView, type SignInRecordView } from './session.view';
import type { ListSignInsQuery } from './sessions.dto';
import type { SignInEvent, SignInOutcome } from './sign-in-record.entity';

/** Where a sign-in came from, for the audit. */
export interface RequestOrigin {
  remoteAddress: string | null;
  forwardedFor: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  session: SessionView;
  /** For the httpOnly cookie only: never in a body, never in a log. */
  token: string;
  maxAgeSeconds: number;
}

/** Signing in and out (统一身份认证): sessions, lockout and the sign-in audit. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly departments: DepartmentRepository,
    private readonly config: IdentityConfig,
    private readonly clock: Clock,
    @Inject(AUTH_TOKEN_SECRET) private readonly secret: string,
  ) {}

  /**
   * 登录. Locked: refused without looking at the password (423). Wrong password or unknown name:
   * the same 401 either way, after the same work; the last allowed failure locks (423). Right
   * password on a disabled account: 403. Every attempt is audited in the transaction that decides it.
   */
  async signIn(credentials: { username: string; password: string }, origin: RequestOrigin): Promise<SignedIn> {
    const username = credentials.username.trim().toLowerCase().slice(0, 64);
    const policy = { maxFailures: this.config.signInMaxFailures, lockMinutes: this.config.signInLockMinutes };
    const outcome = await this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      const account = await this.accounts.lockByUsername(tx, username);
      const audit = (result: SignInOutcome, sessionId: string | null = null) =>
        this.audit(tx, 'sign-in', { username, accountId: account?.id ?? null, outcome: result, sessionId, origin, at: now });
      if (account && isLocked(account, now)) {
        await audit('locked');
        return { refused: IDENTITY_ERRORS.ACCOUNT_LOCKED({ lockedUntil: account.lockedUntil as Date }) };
      }
      const matches = await verifyPassword(credentials.password, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
      if (!account) {
        await audit('invalid-credentials');
        return { refused: IDENTITY_ERRORS.INVALID_CREDENTIALS() };
      }
      if (!matches) {
        const next = afterWrongPassword(account, now, policy);
        await this.accounts.update(tx, account.id, { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil });
        await audit(next.lockedNow ? 'locked-now' : 'invalid-credentials');
        return {
          refused: next.lockedNow
            ? IDENTITY_ERRORS.ACCOUNT_LOCKED({ lockedUntil: next.lockedUntil as Date })
            : IDENTITY_ERRORS.INVALID_CREDENTIALS(),
        };
      }
      if (account.status !== 'active') {
        await audit('disabled');
        return { refused: IDENTITY_ERRORS.ACCOUNT_DISABLED() };
      }
      const session = await this.sessions.insert(tx, {
        id: randomUUID(),
        accountId: account.id,
        startedAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000),
        endedAt: null,
        endReason: null,
      });
      const upgraded = needsRehash(account.passwordHash) ? { passwordHash: await hashPassword(credentials.password) } : {};
      await this.accounts.update(tx, account.id, { ...UNLOCKED, lastSignInAt: now, ...upgraded });
      await audit('succeeded', session.id);
      return { account, session };
    });
    if ('refused' in outcome) throw outcome.refused;
    const { account, session } = outcome;
    const maxAgeSeconds = this.config.sessionTtlMinutes * 60;
    const token = issueToken(tokenUserOf(account), this.secret, maxAgeSeconds, session.startedAt, session.id);
    this.logger.log(`${account.username} signed in (session ${session.id})`);
    return { session: await this.view(account, session), token, maxAgeSeconds };
  }

  /** The signed-in person, while their session is live and their account active. */
  async current(token: VerifiedToken): Promise<SessionView> {
    const { account, session } = await this.liveSession(token);
    return this.view(account, session);
  }

  /** 退出登录: ends the session of this token (if it is still live) and audits it. */
  async signOut(token: VerifiedToken | undefined, origin: RequestOrigin): Promise<void> {
    if (!token?.sessionId) return;
    await this.dataSource.transaction(async (tx) => {
      const session = await this.sessions.lock(tx, token.sessionId as string);
      if (!session || session.endedAt) return;
      const now = this.clock.now();
      await this.sessions.end(tx, session.id, now, 'signed-out');
      const account = await this.accounts.find(session.accountId, tx);
      await this.audit(tx, 'sign-out', {
        username: account?.username ?? token.user.id,
        accountId: session.accountId,
        outcome: 'succeeded',
        sessionId: session.id,
        origin,
        at: now,
      });
    });
  }

  /** 修改密码 by the holder: checks the current one, ends their other sessions, clears the must-change flag. */
  async changePassword(token: VerifiedToken, currentPassword: string, newPassword: string): Promise<SessionView> {
    const { account } = await this.liveSession(token);
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      throw DomainError.validation(
        [{ path: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确' }],
        'unprocessable',
      );
    }
    const problems = passwordProblems(newPassword, account.username);
    if (newPassword === currentPassword) problems.push('新密码不能与当前密码相同');
    if (problems.length > 0)
      throw DomainError.validation(problems.map((message) => ({ path: 'newPassword', code: 'PASSWORD_RULE', message })));
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      await this.accounts.update(tx, account.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
      await this.sessions.endLiveSessionsOf(tx, account.id, 'password-changed', now, token.sessionId);
      await this.accounts.recordChange(tx, {
        accountId: account.id,
        change: 'password-changed',
        by: { id: account.id, name: account.displayName },
        at: now,
      });
    });
    return this.current(token);
  }

  async signIns(query: ListSignInsQuery): Promise<Page<SignInRecordView>> {
    const page = await this.sessions.listSignInRecords(query);
    return { ...page, items: page.items.map(toSignInRecordView) };
  }

  private async liveSession(token: VerifiedToken): Promise<{ account: Account; session: Session }> {
    if (!token.sessionId) throw IDENTITY_ERRORS.UNAUTHENTICATED();
    const session = await this.sessions.find(token.sessionId);
    const now = this.clock.now();
    if (!session || session.endedAt || session.accountId !== token.user.id) throw IDENTITY_ERRORS.UNAUTHENTICATED();
    if (session.expiresAt.getTime() <= now.getTime()) throw PLATFORM_ERRORS.TOKEN_EXPIRED();
    const account = await this.accounts.find(session.accountId);
    if (!account || account.status !== 'active') throw IDENTITY_ERRORS.UNAUTHENTICATED();
    return { account, session };
  }

  private async view(account: Account, session: Session): Promise<SessionView> {
    const department = account.departmentCode ? await this.departments.find(account.departmentCode) : null;
    return { user: toSessionUserView(account, department?.name), expiresAt: session.expiresAt.toISOString() };
  }

  private async audit(
    tx: EntityManager,
    event: SignInEvent,
    record: {
      username: string;
      accountId: string | null;
      outcome: SignInOutcome;
      sessionId: string | null;
      origin: RequestOrigin;
      at: Date;
    },
  ): Promise<void> {
    await this.sessions.insertSignInRecord(tx, {
      id: randomUUID(),
      event,
      username: record.username,
      accountId: record.accountId,
      outcome: record.outcome,
      sessionId: record.sessionId,
      remoteAddress: record.origin.remoteAddress,
      forwardedFor: record.origin.forwardedFor,
      userAgent: record.origin.userAgent,
      at: record.at,
    });
  }
}

/** What the token says about the account: the department only for roles that work for one. */
function tokenUserOf(account: Account): AuthenticatedUser {
  return {
    id: account.id,
    name: account.displayName,
    role: account.role,
    ...(account.departmentCode && account.role !== 'clerk' ? { department: account.departmentCode } : {}),
    ...(account.level ? { level: account.level } : {}),
  };
}
