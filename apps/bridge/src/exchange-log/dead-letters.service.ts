import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type DepartmentScope } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DeadLetterRepository } from './dead-letter.repository';
import { adaptersInScope, BridgeRuntime } from '../adapters/bridge-runtime';
import { BridgeDeadLetter } from './bridge-dead-letter.entity';
import { ExchangeLog } from './exchange-log.service';
import { sha256 } from './hash-chain';

export interface DeadLetterProblem {
  /** Path in the record where the problem is (the department's field names inbound). */
  field?: string;
  /** Path in the mapped record. */
  target?: string;
  rule?: string;
  code: string;
  message: string;
}

/** Records dead letters together with their line in the exchange log. */
@Injectable()
export class DeadLetters {
  constructor(
    private readonly log: ExchangeLog,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
    private readonly runtime: BridgeRuntime,
  ) {}

  /**
   * 丢弃: an open dead letter the integrator decided not to carry (a test message, a case handled
   * by hand), with who, when and why; the discard is a line of the hash-chained exchange log too.
   */
  async discard(id: string, scope: DepartmentScope, discard: { by: string; reason: string }): Promise<BridgeDeadLetter> {
    return this.dataSource.transaction(async (tx) => {
      const letter = await this.letters.lockOpenOrFail(tx, id, adaptersInScope(this.runtime, scope));
      const discarded: BridgeDeadLetter = {
        ...letter,
        status: 'discarded',
        discardedBy: discard.by,
        discardedAt: this.clock.now(),
        discardReason: discard.reason,
      };
      await this.letters.markDiscarded(tx, id, {
        discardedBy: discard.by,
        discardedAt: discarded.discardedAt,
        discardReason: discard.reason,
      });
      await this.log.append(tx, {
        direction: letter.direction,
        adapterId: letter.adapterId,
        kind: letter.kind,
        applicationNumber: letter.applicationNumber,
        reference: letter.reference,
        payloadHash: sha256(letter.payload),
        status: 'discarded',
        attempts: 0,
        detail: `死信 ${letter.id} 由 ${discard.by} 丢弃：${discard.reason}`,
      });
      return discarded;
    });
  }

  async record(
    tx: EntityManager,
    entry: {
      adapterId: string;
      direction: 'outbound' | 'inbound';
      kind: string;
      reference: string;
      applicationNumber?: string | null;
      payload: string;
      problems: DeadLetterProblem[];
      attempts?: number;
      durationMs?: number;
    },
  ): Promise<BridgeDeadLetter> {
    const first = entry.problems[0] ?? { code: 'unknown', message: '未知错误' };
    const message = entry.problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message)).join('；');
    const deadLetter: BridgeDeadLetter = {
      id: randomUUID(),
      adapterId: entry.adapterId,
      direction: entry.direction,
      kind: entry.kind,
      reference: entry.reference,
      applicationNumber: entry.applicationNumber ?? null,
      code: first.code,
      field: first.field ?? null,
      rule: first.rule ?? null,
      message,
      problems: entry.problems,
      payload: entry.payload,
      status: 'open',
      createdAt: this.clock.now(),
      replayedAt: null,
      discardedBy: null,
      discardedAt: null,
      discardReason: null,
    };
    await this.letters.insert(tx, deadLetter);
    await this.log.append(tx, {
      direction: entry.direction,
      adapterId: entry.adapterId,
      kind: entry.kind,
      applicationNumber: entry.applicationNumber ?? null,
      reference: entry.reference,
      payloadHash: sha256(entry.payload),
      status: 'dead-lettered',
      attempts: entry.attempts ?? 1,
      durationMs: entry.durationMs ?? 0,
      detail: `死信 ${deadLetter.id}：${message}`,
    });
    return deadLetter;
  }
}
