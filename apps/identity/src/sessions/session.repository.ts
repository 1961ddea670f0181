import { Injectable } from '@nestjs/common';
import { readPage, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { Session, type SessionEndReason } from './session.entity';
import { SignInRecord, type SignInOutcome } from './sign-in-record.entity';

export interface SignInFilter extends PageRequest {
  username?: string;
  outcome?: SignInOutcome;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
}

/**
 * The session aggregate (登录会话) and its sign-in audit (登录日志): every read and write of sessions
 * and sign-in records goes through here; a use case that spans a transaction passes the
 * transaction's EntityManager (a sign-in is audited in the transaction that decides it).
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The session, or null (the caller decides: unauthenticated, or nothing to end). */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Session | null> {
    return manager.getRepository(Session).findOneBy({ id });
  }

  /** The session under a row lock, or null: a sign-out starts here, so it is ended and audited once. */
  async lock(tx: EntityManager, id: string): Promise<Session | null> {
    return tx.getRepository(Session).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes a new session and answers it. */
  async insert(tx: EntityManager, fields: Session): Promise<Session> {
    const session = tx.getRepository(Session).create(fields);
    await tx.getRepository(Session).insert(session);
    return session;
  }

  async end(tx: EntityManager, id: string, endedAt: Date, reason: SessionEndReason): Promise<void> {
    await tx.getRepository(Session).update({ id }, { endedAt, endReason: reason });
  }

  /**
   * Ends an account's live sessions (sign-out everywhere): when it is disabled, or its password is
   * reset or changed (then the session making the change, `keep`, stays). A token already handed out
   * keeps working at the other services until it expires; the console's `GET /sessions/current`
   * stops at once. Answers how many were ended.
   */
  async endLiveSessionsOf(tx: EntityManager, accountId: string, reason: SessionEndReason, now: Date, keep?: string): Promise<number> {
    const result = await tx
      .getRepository(Session)
      .update(
        { accountId, endedAt: IsNull(), expiresAt: MoreThan(now), ...(keep ? { id: Not(keep) } : {}) },
        { endedAt: now, endReason: reason },
      );
    return result.affected ?? 0;
  }

  async insertSignInRecord(tx: EntityManager, record: SignInRecord): Promise<void> {
    await tx.getRepository(SignInRecord).insert(record);
  }

  /** 登录日志 for the administrator, newest first. */
  async listSignInRecords(filter: SignInFilter): Promise<Page<SignInRecord>> {
    const query = this.dataSource.getRepository(SignInRecord).createQueryBuilder('r');
    if (filter.username) query.andWhere('r.username = :username', { username: filter.username.trim().toLowerCase() });
    if (filter.outcome) query.andWhere('r.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) query.andWhere('r.at >= :from', { from: new Date(filter.from) });
    if (filter.to) query.andWhere('r.at < :to', { to: new Date(filter.to) });
    return readPage(query.orderBy('r.at', 'DESC'), filter);
  }
}
