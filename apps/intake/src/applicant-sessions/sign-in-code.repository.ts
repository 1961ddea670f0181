import { Injectable } from '@nestjs/common';
import { lockUntilCommit, quotedTable } from '@onewindow/persistence';
import { MoreThan, type EntityManager } from 'typeorm';
import { ApplicantSignInCode } from './sign-in-code.entity';

/** The codes asked for recently, as the request limits count them: per phone, and per address. */
export interface RecentCodeRequests {
  forPhone: Date[];
  fromAddress: number;
}

/**
 * The applicant's SMS sign-in codes (短信验证码) as intake stores them: one row per code sent,
 * its hash only. Every statement runs in the caller's transaction: a request is decided and
 * recorded, and a code checked and spent, under one lock.
 */
@Injectable()
export class SignInCodeRepository {
  /** One request per phone at a time decides against the limits: two at once cannot both pass. */
  async lockPhone(tx: EntityManager, phone: string): Promise<void> {
    await lockUntilCommit(tx, `applicant-sign-in:${phone}`);
  }

  /** The codes asked for since `since`: when each was asked for this phone, and how many from this address. */
  async recentRequests(tx: EntityManager, phone: string, address: string, since: Date): Promise<RecentCodeRequests> {
    const table = quotedTable(tx, ApplicantSignInCode);
    const forPhone: Array<{ requested_at: Date }> = await tx.query(
      `SELECT requested_at FROM ${table} WHERE phone = $1 AND requested_at > $2`,
      [phone, since],
    );
    const [fromAddress]: Array<{ count: string }> = await tx.query(
      `SELECT count(*) AS count FROM ${table} WHERE requested_from = $1 AND requested_at > $2`,
      [address, since],
    );
    return { forPhone: forPhone.map((row) => new Date(row.requested_at)), fromAddress: Number(fromAddress?.count ?? 0) };
  }

  async insert(tx: EntityManager, code: ApplicantSignInCode): Promise<void> {
    await tx.insert(ApplicantSignInCode, code);
  }

  /** The phone's latest code asked for since `since`, under a row lock: the only one that counts. */
  async lockLatest(tx: EntityManager, phone: string, since: Date): Promise<ApplicantSignInCode | null> {
    return tx.getRepository(ApplicantSignInCode).findOne({
      where: { phone, requestedAt: MoreThan(since) },
      order: { requestedAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Spends the code, or counts a wrong attempt against it. */
  async update(tx: EntityManager, id: string, changes: Partial<Pick<ApplicantSignInCode, 'usedAt' | 'attempts'>>): Promise<void> {
    await tx.update(ApplicantSignInCode, { id }, changes);
  }
}
