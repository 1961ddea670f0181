import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maskPersonalDataInText } from '@onewindow/domain';
import { Clock } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExchangeLogEntry, ExchangeDirection, ExchangeStatus } from './exchange-log-entry.entity';
import { ExchangeLogRepository } from './exchange-log.repository';
import { chainHash, GENESIS_HASH, verifyChain, type ChainBreak } from './hash-chain';

export interface ExchangeRecord {
  direction: ExchangeDirection;
  adapterId: string;
  kind: string;
  applicationNumber?: string | null;
  reference?: string | null;
  payloadHash: string;
  status: ExchangeStatus;
  attempts?: number;
  durationMs?: number;
  detail?: string | null;
}

/** Appends to and verifies the hash-chained exchange log. */
@Injectable()
export class ExchangeLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: ExchangeLogRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends inside the caller's transaction, so the log row commits with the effect it records.
   * Appends are serialised by a transaction-scoped advisory lock: the chain has one tail.
   */
  async append(tx: EntityManager, record: ExchangeRecord): Promise<ExchangeLogEntry> {
    const last = await this.entries.lockTail(tx);
    const row: ExchangeLogEntry = {
      seq: String(BigInt(last?.seq ?? '0') + 1n),
      id: randomUUID(),
      at: this.clock.now(),
      direction: record.direction,
      adapterId: record.adapterId,
      kind: record.kind,
      applicationNumber: record.applicationNumber ?? null,
      reference: record.reference ?? null,
      payloadHash: record.payloadHash,
      status: record.status,
      attempts: record.attempts ?? 1,
      durationMs: Math.max(0, Math.round(record.durationMs ?? 0)),
      // Details quote department values; ID and phone numbers in them are masked (the log is kept for years).
      detail: record.detail ? maskPersonalDataInText(record.detail).slice(0, 2000) : null,
      previousHash: last?.hash ?? GENESIS_HASH,
      hash: '',
    };
    row.hash = chainHash(row.previousHash, row);
    await this.entries.insert(tx, row);
    return row;
  }

  /** Appends in a transaction of its own (exchanges with no other database effect). */
  appendAlone(record: ExchangeRecord): Promise<ExchangeLogEntry> {
    return this.dataSource.transaction((tx) => this.append(tx, record));
  }

  /** Recomputes the whole chain in pages; the first break found, or null when intact. */
  async verify(): Promise<{ intact: boolean; checked: number; break: ChainBreak | null }> {
    let previousHash = GENESIS_HASH;
    let previousSeq = 0n;
    let checked = 0;
    for (;;) {
      const page = await this.entries.pageAfter(previousSeq, 1000);
      if (page.length === 0) return { intact: true, checked, break: null };
      const found = verifyChain(page, previousHash, previousSeq);
      if (found) return { intact: false, checked: checked + page.findIndex((row) => row.seq === found.seq), break: found };
      checked += page.length;
      const tail = page[page.length - 1] as ExchangeLogEntry;
      previousHash = tail.hash;
      previousSeq = BigInt(tail.seq);
    }
  }
}
