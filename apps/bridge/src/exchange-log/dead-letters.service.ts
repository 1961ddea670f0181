import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
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
  ) {}

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
    };
    await tx.insert(BridgeDeadLetter, deadLetter);
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
