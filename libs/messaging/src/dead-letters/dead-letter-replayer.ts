import { Between, In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { DEAD_LETTER_DETAIL_MAX } from '@onewindow/contracts';
import type { IncomingMessage } from '../core/messages';
import { readableClipped } from '../core/message-value';
import type { MessagingLogger } from '../core/messaging-metrics';
import type { ConsumerPipeline } from '../consumer/consumer-pipeline';
import { DeadLetter, type DeadLetterStatus } from './dead-letter.entity';

export interface DeadLetterFilter {
  ids?: string[];
  consumer?: string;
  from?: Date;
  to?: Date;
  status?: DeadLetterStatus;
}

/** Who discards a dead letter, when and why. */
export interface DeadLetterDiscard {
  by: string;
  at: Date;
  reason: string;
}

export interface ReplayResult {
  id: string;
  consumer: string;
  result: 'replayed' | 'still-failing' | 'no-such-consumer';
  detail?: string;
}

/**
 * Replays dead letters after a fix: each message goes back through the same pipeline, to the
 * one consumer that failed on it. The inbox makes a replay of something already handled harmless.
 */
export class DeadLetterReplayer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pipeline: ConsumerPipeline,
    private readonly logger: MessagingLogger,
  ) {}

  async list(filter: DeadLetterFilter, page = 1, pageSize = 50): Promise<{ items: DeadLetter[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(DeadLetter).findAndCount({
      where: this.where(filter),
      order: { createdAt: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  async replay(filter: DeadLetterFilter): Promise<ReplayResult[]> {
    const letters = await this.dataSource.getRepository(DeadLetter).find({
      where: this.where({ status: 'open', ...filter }),
      order: { createdAt: 'ASC' },
      take: 10_000,
    });
    const results: ReplayResult[] = [];
    for (const letter of letters) {
      results.push(await this.replayOne(letter));
    }
    const replayed = results.filter((r) => r.result === 'replayed').length;
    this.logger.log(`Replayed ${replayed} of ${results.length} dead letter(s)`);
    return results;
  }

  /** Discards an open dead letter, recording who, when and why; false when there is no open one by that id. */
  async discard(id: string, discard: DeadLetterDiscard): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DeadLetter)
      .update(
        { id, status: 'open' },
        { status: 'discarded', discardedBy: discard.by, discardedAt: discard.at, discardReason: discard.reason },
      );
    return (result.affected ?? 0) > 0;
  }

  private async replayOne(letter: DeadLetter): Promise<ReplayResult> {
    const handler = this.pipeline.handlerNamed(letter.consumer);
    if (!handler) {
      return { id: letter.id, consumer: letter.consumer, result: 'no-such-consumer' };
    }
    const message: IncomingMessage = {
      topic: letter.originalTopic,
      partition: letter.originalPartition,
      offset: letter.originalOffset,
      key: letter.originalKey,
      headers: letter.originalHeaders,
      value: letter.originalValue,
    };
    const outcome = await this.pipeline.deliverTo(handler, message, { recordDeadLetter: false });
    const repository = this.dataSource.getRepository(DeadLetter);
    if (outcome.outcome === 'dead_lettered') {
      await repository.update(
        { id: letter.id },
        { replayCount: letter.replayCount + 1, detail: readableClipped(outcome.detail, DEAD_LETTER_DETAIL_MAX) },
      );
      return {
        id: letter.id,
        consumer: letter.consumer,
        result: 'still-failing',
        detail: readableClipped(outcome.detail, DEAD_LETTER_DETAIL_MAX),
      };
    }
    await repository.update({ id: letter.id }, { replayCount: letter.replayCount + 1, status: 'replayed' });
    return { id: letter.id, consumer: letter.consumer, result: 'replayed' };
  }

  private where(filter: DeadLetterFilter): FindOptionsWhere<DeadLetter> {
    return {
      ...(filter.ids?.length ? { id: In(filter.ids) } : {}),
      ...(filter.consumer ? { consumer: filter.consumer } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.from || filter.to
        ? { createdAt: Between(filter.from ?? new Date(0), filter.to ?? new Date('9999-12-31T00:00:00Z')) }
        : {}),
    };
  }
}
