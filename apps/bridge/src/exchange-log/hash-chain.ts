import { createHash } from 'node:crypto';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers, in a fixed order. */
export interface ChainedFields {
  seq: string;
  id: string;
  at: Date;
  direction: string;
  adapterId: string;
  kind: string;
  applicationNumber: string | null;
  reference: string | null;
  payloadHash: string;
  status: string;
  attempts: number;
  durationMs: number;
  detail: string | null;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** hash = SHA-256(previous hash ‖ canonical JSON of the row's fields). */
export function chainHash(previousHash: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at.toISOString(),
    row.direction,
    row.adapterId,
    row.kind,
    row.applicationNumber,
    row.reference,
    row.payloadHash,
    row.status,
    row.attempts,
    row.durationMs,
    row.detail,
  ]);
  return sha256(`${previousHash}\n${canonical}`);
}

export interface ChainBreak {
  seq: string;
  problem: 'hash_mismatch' | 'previous_hash_mismatch' | 'gap';
  message: string;
}

/**
 * Walks rows in seq order from `previousHash` (the hash before the first one given): the first
 * row whose stored hashes or position disagree with the recomputed chain is the break.
 */
export function verifyChain(
  rows: ReadonlyArray<ChainedFields & { previousHash: string; hash: string }>,
  previousHash = GENESIS_HASH,
  previousSeq = 0n,
): ChainBreak | null {
  let expectedPrevious = previousHash;
  let expectedSeq = previousSeq + 1n;
  for (const row of rows) {
    if (BigInt(row.seq) !== expectedSeq) {
      return { seq: row.seq, problem: 'gap', message: `第 ${expectedSeq} 条记录缺失（下一条为第 ${row.seq} 条）` };
    }
    if (row.previousHash !== expectedPrevious) {
      return { seq: row.seq, problem: 'previous_hash_mismatch', message: `第 ${row.seq} 条记录的前序哈希与上一条不符，日志被改动` };
    }
    if (chainHash(row.previousHash, row) !== row.hash) {
      return { seq: row.seq, problem: 'hash_mismatch', message: `第 ${row.seq} 条记录的内容与其哈希不符，日志被改动` };
    }
    expectedPrevious = row.hash;
    expectedSeq += 1n;
  }
  return null;
}
