import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { quotedTable } from '../data-source/service-data-source';

/**
 * The next value of a named counter kept as one row per key (`<keyColumn>`, `last_value`), starting
 * at 1: an upsert under the row's lock, so concurrent callers never get the same value. The lock is
 * held until the caller's transaction ends — take it late, or outside the transaction, when many
 * callers share one key (e.g. one counter per day).
 */
export async function nextCounterValue(
  manager: DataSource | EntityManager,
  counter: EntityTarget<ObjectLiteral>,
  keyColumn: string,
  key: string,
): Promise<number> {
  const table = quotedTable(manager, counter);
  const column = `"${keyColumn.replace(/"/g, '""')}"`;
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO ${table} (${column}, last_value) VALUES ($1, 1)
     ON CONFLICT (${column}) DO UPDATE SET last_value = ${table}.last_value + 1
     RETURNING last_value`,
    [key],
  );
  const value = Number(rows[0]?.last_value);
  if (!Number.isInteger(value)) throw new Error(`Counter ${table}(${key}) returned no value`);
  return value;
}
