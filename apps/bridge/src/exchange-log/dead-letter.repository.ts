import { Injectable } from '@nestjs/common';
import { PLATFORM_ERRORS, readPage, type Page, type PageRequest } from '@onewindow/platform';
import { Between, DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AdapterCondition } from '../adapters/bridge-runtime';
import { BridgeDeadLetter, type BridgeDeadLetterStatus } from './bridge-dead-letter.entity';

export interface DeadLetterFilter extends PageRequest {
  /** The adapters the reader may see (and the one asked for), as `adaptersInScope` gives them. */
  adapters: AdapterCondition;
  status?: BridgeDeadLetterStatus;
}

/** Which open dead letters to replay: by id, or created between two times; within the adapters in scope. */
export interface ReplaySelection {
  ids?: string[];
  from?: string;
  to?: string;
  adapters: AdapterCondition;
}

/** The most dead letters one replay carries. */
const REPLAY_LIMIT = 500;

/**
 * Dead letters (死信): exchanges the bridge could not carry, kept with the failing field and rule
 * until they are replayed or discarded. Every read and write of them goes through here; a use case
 * that spans a transaction passes its EntityManager.
 */
@Injectable()
export class DeadLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, letter: BridgeDeadLetter): Promise<void> {
    await tx.insert(BridgeDeadLetter, letter);
  }

  /**
   * An open dead letter of an adapter in scope, under a row lock, or the 404: a discard starts here,
   * so two integrators never both discard it. A letter out of scope is answered as unknown.
   */
  async lockOpenOrFail(tx: EntityManager, id: string, adapters: AdapterCondition): Promise<BridgeDeadLetter> {
    const letter = await tx
      .getRepository(BridgeDeadLetter)
      .findOne({ where: { id, status: 'open', ...adapters }, lock: { mode: 'pessimistic_write' } });
    if (!letter) throw PLATFORM_ERRORS.DEAD_LETTER_NOT_FOUND();
    return letter;
  }

  async markDiscarded(
    tx: EntityManager,
    id: string,
    discard: Pick<BridgeDeadLetter, 'discardedBy' | 'discardedAt' | 'discardReason'>,
  ): Promise<void> {
    await tx.update(BridgeDeadLetter, { id }, { status: 'discarded', ...discard });
  }

  /** The open dead letters a replay selects, oldest first, at most 500: scoped in the query, before the limit. */
  async listToReplay(selection: ReplaySelection): Promise<BridgeDeadLetter[]> {
    const where: FindOptionsWhere<BridgeDeadLetter> = {
      status: 'open',
      ...(selection.ids?.length ? { id: In(selection.ids) } : {}),
      ...(selection.from && selection.to ? { createdAt: Between(new Date(selection.from), new Date(selection.to)) } : {}),
      ...selection.adapters,
    };
    return this.dataSource.getRepository(BridgeDeadLetter).find({ where, order: { createdAt: 'ASC' }, take: REPLAY_LIMIT });
  }

  async markReplayed(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(BridgeDeadLetter).update({ id }, { status: 'replayed', replayedAt: at });
  }

  /** Dead letters for the integrators' list, newest first. */
  async list(filter: DeadLetterFilter): Promise<Page<BridgeDeadLetter>> {
    const where: FindOptionsWhere<BridgeDeadLetter> = { ...filter.adapters, ...(filter.status ? { status: filter.status } : {}) };
    return readPage(
      this.dataSource.getRepository(BridgeDeadLetter).createQueryBuilder('letter').where(where).orderBy('letter.createdAt', 'DESC'),
      filter,
    );
  }
}
