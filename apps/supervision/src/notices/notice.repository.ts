import { Injectable } from '@nestjs/common';
import { quotedTable } from '@onewindow/persistence';
import { departmentCondition, departmentScope, readPage, type AuthenticatedUser, type Page, type PageRequest } from '@onewindow/platform';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { lockInDepartmentOrFail } from '../departments-scoped';
import { RevokedLicence, SupervisionNotice, type NoticeStatus } from './supervision-notice.entity';
import { SUPERVISION_ERRORS } from '../supervision-errors';

export interface NoticeFilter extends PageRequest {
  status?: NoticeStatus;
  itemCode?: string;
  holder?: string;
}

/** How many notices of a department were escalated (督办), and how many of them still wait. */
export interface EscalationCount {
  departmentCode: string;
  escalated: number;
  stillOpen: number;
}

/**
 * The supervision notice aggregate (监管告知): the notices and the revoked licences that close
 * them. Every read and write of them goes through here, so department scoping and the "not found"
 * refusal are in one place; a use case that spans a transaction passes the transaction's EntityManager.
 */
@Injectable()
export class NoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A notice of the user's department under a row lock, or the 404: an acknowledgement starts here. */
  async lockInScopeOrFail(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<SupervisionNotice> {
    return lockInDepartmentOrFail(tx, SupervisionNotice, user, id, () => SUPERVISION_ERRORS.NOTICE_NOT_FOUND());
  }

  /** The notice under a row lock, or null (the watch re-reads what it found overdue: it may have changed since). */
  async lock(tx: EntityManager, id: string): Promise<SupervisionNotice | null> {
    return tx.getRepository(SupervisionNotice).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The user's department inbox, the most urgent first. */
  async list(user: AuthenticatedUser, filter: NoticeFilter): Promise<Page<SupervisionNotice>> {
    const query = this.dataSource
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .where({
        ...departmentCondition(departmentScope(user)),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.itemCode ? { itemCode: filter.itemCode } : {}),
      } satisfies FindOptionsWhere<SupervisionNotice>);
    if (filter.holder) query.andWhere("n.holder->>'identifier' = :holder", { holder: filter.holder });
    return readPage(query.orderBy('n.acknowledge_by', 'ASC').addOrderBy('n.id', 'ASC'), filter);
  }

  /** 督办 per department the user may see, by department code. */
  async escalationCounts(user: AuthenticatedUser): Promise<EscalationCount[]> {
    return this.dataSource
      .getRepository(SupervisionNotice)
      .createQueryBuilder('n')
      .select('n.department_code', 'departmentCode')
      .addSelect('count(*)::int', 'escalated')
      .addSelect("count(*) FILTER (WHERE n.status = 'escalated')::int", 'stillOpen')
      .where('n.escalated_at IS NOT NULL')
      .andWhere(departmentCondition(departmentScope(user)))
      .groupBy('n.department_code')
      .orderBy('n.department_code')
      .getRawMany<EscalationCount>();
  }

  /** The ids of the notices still pending after their deadline at `now`: each is then re-read under its lock. */
  async overduePendingIds(now: Date): Promise<string[]> {
    const overdue = await this.dataSource
      .getRepository(SupervisionNotice)
      .find({ where: { status: 'pending', acknowledgeBy: LessThan(now) }, select: { id: true } });
    return overdue.map(({ id }) => id);
  }

  /**
   * Writes a new notice unless the department already has one for the licence (the unique index
   * on licence and department keeps the first): the notice, or null when it was there already.
   */
  async insertIfNew(tx: EntityManager, fields: Omit<SupervisionNotice, 'closedAt' | 'closedReason'>): Promise<SupervisionNotice | null> {
    const notice = tx.create(SupervisionNotice, fields);
    const inserted = await tx.createQueryBuilder().insert().into(SupervisionNotice).values(notice).orIgnore().returning(['id']).execute();
    return inserted.raw.length === 0 ? null : notice;
  }

  /** Writes the notice as it is now (an acknowledgement, an escalation). */
  async save(tx: EntityManager, notice: SupervisionNotice): Promise<void> {
    await tx.save(notice);
  }

  /** Whether the licence was revoked (its revocation may arrive before its issue: another topic). */
  async isRevoked(tx: EntityManager, licenceId: string): Promise<boolean> {
    return tx.existsBy(RevokedLicence, { licenceId });
  }

  /** Keeps the revocation (the first, when it arrives twice), so a notice whose issue arrives later is never opened. */
  async recordRevocation(tx: EntityManager, revocation: RevokedLicence): Promise<void> {
    await tx.createQueryBuilder().insert().into(RevokedLicence).values(revocation).orIgnore().execute();
  }

  /** Closes the licence's notices still waiting for acknowledgement (pending or escalated); acknowledged ones stay. */
  async closeWaitingForLicence(tx: EntityManager, licenceId: string, closedAt: Date, closedReason: string): Promise<void> {
    await tx.query(
      `UPDATE ${quotedTable(tx, SupervisionNotice)} SET status = 'closed', closed_at = $2, closed_reason = $3
        WHERE licence_id = $1 AND status IN ('pending', 'escalated')`,
      [licenceId, closedAt, closedReason],
    );
  }
}
