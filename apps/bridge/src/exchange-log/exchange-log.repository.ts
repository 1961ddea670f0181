import { Injectable } from '@nestjs/common';
import { lockUntilCommit, schemaOf } from '@onewindow/persistence';
import { readPage, type Page, type PageRequest } from '@onewindow/platform';
import { And, DataSource, In, LessThan, MoreThan, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AdapterCondition } from '../adapters/bridge-runtime';
import { ExchangeLogEntry, type ExchangeDirection, type ExchangeStatus } from './exchange-log-entry.entity';

export interface ExchangeLogFilter extends PageRequest {
  /** The adapters the reader may see (and the one asked for), as `adaptersInScope` gives them. */
  adapters: AdapterCondition;
  applicationNumber?: string;
  direction?: ExchangeDirection;
  status?: ExchangeStatus;
  /** From (inclusive) and to (exclusive), either or both. */
  from?: string;
  to?: string;
}

/** One line of the daily reconciliation: how many exchanges of a direction, kind and status. */
export interface ExchangeCountRow {
  direction: string;
  kind: string;
  status: string;
  count: string;
}

/**
 * The exchange log (交换日志), hash-chained: rows are only ever appended, one at a time behind the
 * chain's tail lock, and read back in `seq` order. Every read and write of it goes through here.
 */
@Injectable()
export class ExchangeLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the chain's transaction-scoped advisory lock, then reads its tail: appends are
   * serialised, so the chain has one tail and the next row links to it. Null for an empty log.
   */
  async lockTail(tx: EntityManager): Promise<Pick<ExchangeLogEntry, 'seq' | 'hash'> | null> {
    await lockUntilCommit(tx, `${schemaOf(this.dataSource)}.exchange_log`);
    const [last] = await tx.getRepository(ExchangeLogEntry).find({ order: { seq: 'DESC' }, take: 1, select: { seq: true, hash: true } });
    return last ?? null;
  }

  /** Appends a row linked to the tail taken by `lockTail` in the same transaction. */
  async insert(tx: EntityManager, row: ExchangeLogEntry): Promise<void> {
    await tx.insert(ExchangeLogEntry, row);
  }

  /** The rows after `seq`, in chain order: verification walks the chain page by page. */
  async pageAfter(seq: bigint, size: number): Promise<ExchangeLogEntry[]> {
    return this.dataSource
      .getRepository(ExchangeLogEntry)
      .find({ where: { seq: MoreThan(String(seq)) }, order: { seq: 'ASC' }, take: size });
  }

  /** The log as the integrators read it, newest first. */
  async list(filter: ExchangeLogFilter): Promise<Page<ExchangeLogEntry>> {
    const where: FindOptionsWhere<ExchangeLogEntry> = {
      ...filter.adapters,
      ...(filter.applicationNumber ? { applicationNumber: filter.applicationNumber } : {}),
      ...(filter.direction ? { direction: filter.direction } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...exchangeTime(filter.from, filter.to),
    };
    return readPage(this.dataSource.getRepository(ExchangeLogEntry).createQueryBuilder('e').where(where).orderBy('e.seq', 'DESC'), filter);
  }

  /** The adapter's latest row, or its latest with one of `statuses` (health: last exchange, failure, success). */
  async latest(adapterId: string, statuses?: readonly ExchangeStatus[]): Promise<ExchangeLogEntry | null> {
    const [last] = await this.dataSource
      .getRepository(ExchangeLogEntry)
      .find({ where: { adapterId, ...(statuses ? { status: In(statuses) } : {}) }, order: { seq: 'DESC' }, take: 1 });
    return last ?? null;
  }

  /** 对账: the adapter's exchanges in [from, to) counted by direction, kind and status; a refusal summary row counts as its `attempts` refusals. */
  async countBetween(adapterId: string, from: Date, to: Date): Promise<ExchangeCountRow[]> {
    return this.dataSource
      .getRepository(ExchangeLogEntry)
      .createQueryBuilder('e')
      .select([
        'e.direction AS direction',
        'e.kind AS kind',
        'e.status AS status',
        "sum(CASE WHEN e.status = 'refused' THEN e.attempts ELSE 1 END) AS count",
      ])
      .where('e.adapter_id = :id AND e.at >= :from AND e.at < :to', { id: adapterId, from, to })
      .groupBy('e.direction, e.kind, e.status')
      .getRawMany();
  }
}

function exchangeTime(from?: string, to?: string): FindOptionsWhere<ExchangeLogEntry> {
  if (from && to) return { at: And(MoreThanOrEqual(new Date(from)), LessThan(new Date(to))) };
  if (from) return { at: MoreThanOrEqual(new Date(from)) };
  if (to) return { at: LessThan(new Date(to)) };
  return {};
}
