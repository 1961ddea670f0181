import { chainHash, GENESIS_HASH, verifyChain, type ChainedFields } from './hash-chain';

function chain(count: number) {
  const rows: Array<ChainedFields & { previousHash: string; hash: string }> = [];
  let previous = GENESIS_HASH;
  for (let i = 1; i <= count; i += 1) {
    const fields: ChainedFields = {
      seq: String(i),
      id: `00000000-0000-4000-8000-00000000000${i}`,
      at: new Date(Date.UTC(2026, 2, 5, 2, i)),
      direction: 'outbound',
      adapterId: 'dcf-scjgj-qydj',
      kind: 'delivery',
      applicationNumber: `YC2026030500012${i}`,
      reference: null,
      payloadHash: 'ab'.repeat(32),
      status: 'acknowledged',
      attempts: 1,
      durationMs: 12,
      detail: null,
    };
    const hash = chainHash(previous, fields);
    rows.push({ ...fields, previousHash: previous, hash });
    previous = hash;
  }
  return rows;
}

describe('the hash-chained exchange log', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toBeNull();
  });

  it('finds a row whose content was changed afterwards', () => {
    const rows = chain(5);
    rows[2]!.status = 'failed';
    expect(verifyChain(rows)).toMatchObject({ seq: '3', problem: 'hash_mismatch' });
  });

  it('finds a row rewritten with a fresh hash, because the next row still names the old one', () => {
    const rows = chain(5);
    rows[2]!.detail = '改过';
    rows[2]!.hash = chainHash(rows[2]!.previousHash, rows[2]!);
    expect(verifyChain(rows)).toMatchObject({ seq: '4', problem: 'previous_hash_mismatch' });
  });

  it('finds a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ seq: '3', problem: 'gap' });
  });

  it('verifies a later page from the hash and position where the previous page ended', () => {
    const rows = chain(6);
    expect(verifyChain(rows.slice(3), rows[2]!.hash, 3n)).toBeNull();
  });
});
