import { Client } from 'pg';
import { round } from '../measure';

/**
 * A district's history before the pipeline run: the rows that a few real applications left in every
 * service's tables (concluded applications, decided cases, workflow steps, licences, notices,
 * monitoring rows, inbox entries and published outbox rows), copied with `generate_series` until the
 * tables hold `applications` of them. Each copy is dated `copy` days earlier and has its own ids:
 * every uuid becomes `md5(uuid || copy)` (the same in every table, so the copies join as the
 * originals do), every other column of a unique key gets `~copy` (text) or `+ copy × 1,000,000`
 * (numbers), serial ids come from their sequences. Seconds in SQL, where the pipeline would take hours.
 */
export interface ExistingHistory {
  /** Applications already in the database before the measured run (the templates times their copies). */
  applications: number;
  /** Applications that went through the pipeline to give the rows their shape. */
  templates: number;
  /** Rows inserted by the seeding, per service table. */
  rowsByTable: Record<string, number>;
  seconds: number;
}

/** Row counts of every table of the services' schemas (`service.table`). */
export async function countRows(databaseUrl: string, schemas: Record<string, string>): Promise<Map<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await tableRowCounts(client, schemas);
  } finally {
    await client.end();
  }
}

async function tableRowCounts(client: Client, schemas: Record<string, string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const [service, schema] of Object.entries(schemas)) {
    const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1`, [schema]);
    for (const { name } of rows) {
      const [count] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${name}"`)).rows;
      counts.set(`${service}.${name}`, count?.n ?? 0);
    }
  }
  return counts;
}

/**
 * A history is concluded: the templates' notices are still waiting for their departments when the
 * rows are copied, but a district's notices of past years were acknowledged (认领) long ago. Without
 * this, every copy would be an overdue notice for the watch to escalate during the measured run.
 */
const CONCLUDED: Record<string, Record<string, string>> = {
  supervision_notice: {
    status: `'acknowledged'`,
    acknowledged_at: `t.created_at - copy * interval '1 day' + interval '1 hour'`,
    acknowledged_by: `'bench-history'`,
  },
  monitoring_notice: {
    acknowledged_at: `t.created_at - copy * interval '1 day' + interval '1 hour'`,
    acknowledged_on_time: 'true',
  },
};

/** Tables that are the platform's machinery, not an application's history. */
const NEVER_COPIED = new Set(['migrations', 'outbox_relay_lease', 'dead_letter']);

interface ColumnInfo {
  name: string;
  type: string;
  serial: boolean;
  unique: boolean;
  /** A foreign key to a table that is not copied (a department's approver, a series): kept as it is. */
  referencesKept: boolean;
}

/**
 * Copies the rows the `templates` applications wrote (tables empty before them, holding at least one
 * row per two templates after: per-application tables, not counters or reference data) until the
 * tables hold `applications` applications, then analyses them so the planner sees the grown tables.
 */
export async function seedExistingHistory(options: {
  databaseUrl: string;
  schemas: Record<string, string>;
  applications: number;
  templates: number;
  countsBeforeTemplates: Map<string, number>;
}): Promise<ExistingHistory> {
  const started = performance.now();
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const after = await tableRowCounts(client, options.schemas);
    const copies = Math.max(0, Math.round(options.applications / options.templates) - 1);
    const rowsByTable: Record<string, number> = {};
    // Foreign keys and user triggers off for this session: copies of a parent and its children go in any order.
    await client.query(`SET session_replication_role = replica`);
    for (const [service, schema] of Object.entries(options.schemas)) {
      const copied = [...after.entries()]
        .filter(([key, count]) => {
          const [owner, table] = key.split('.') as [string, string];
          return (
            owner === service &&
            !NEVER_COPIED.has(table) &&
            (options.countsBeforeTemplates.get(key) ?? 0) === 0 &&
            count * 2 >= options.templates
          );
        })
        .map(([key]) => key.split('.')[1] as string);
      for (const table of copied) {
        const columns = await columnsOf(client, schema, table, new Set(copied));
        const kept = columns.filter((c) => !c.serial);
        const expressions = kept.map((c) => CONCLUDED[table]?.[c.name] ?? copiedValue(c));
        // Published rows only: a copy must never be sent again.
        const only = table === 'outbox_message' ? 'WHERE t.published_at IS NOT NULL' : '';
        const result = await client.query(
          `INSERT INTO "${schema}"."${table}" (${kept.map((c) => `"${c.name}"`).join(', ')})
           SELECT ${expressions.join(', ')} FROM "${schema}"."${table}" t CROSS JOIN generate_series(1, $1::int) AS copy ${only}`,
          [copies],
        );
        rowsByTable[`${service}.${table}`] = result.rowCount ?? 0;
      }
      await client.query(`SET session_replication_role = DEFAULT`);
      for (const table of copied) await client.query(`ANALYZE "${schema}"."${table}"`);
      await client.query(`SET session_replication_role = replica`);
    }
    return {
      applications: options.templates * (copies + 1),
      templates: options.templates,
      rowsByTable,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await client.query(`SET session_replication_role = DEFAULT`).catch(() => undefined);
    await client.end();
  }
}

async function columnsOf(client: Client, schema: string, table: string, copied: Set<string>): Promise<ColumnInfo[]> {
  const { rows } = await client.query<{ num: number; name: string; type: string; serial: boolean; references_table: string | null }>(
    `SELECT a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS serial,
            (SELECT r.relname FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
              WHERE f.conrelid = c.oid AND f.contype = 'f' AND a.attnum = ANY(f.conkey) LIMIT 1) AS references_table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relname = $2
      ORDER BY a.attnum`,
    [schema, table],
  );
  const columns = rows.map((row) => ({
    num: row.num,
    name: row.name,
    type: row.type,
    serial: row.serial,
    unique: false,
    referencesKept: row.references_table !== null && !copied.has(row.references_table),
  }));
  const changes = (c: (typeof columns)[number]) =>
    c.serial || (!c.referencesKept && ['uuid', 'date'].includes(c.type)) || (!c.referencesKept && c.type.startsWith('timestamp'));
  // Every unique key must differ between copies: if none of its columns changes anyway, its last one is made unique.
  const keys = await client.query<{ key: number[] }>(
    `SELECT i.indkey::int[] AS key FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND i.indisunique`,
    [schema, table],
  );
  for (const { key } of keys.rows) {
    const inKey = key.map((num) => columns.find((c) => c.num === num)).filter((c) => c !== undefined);
    if (inKey.some(changes)) continue;
    const last = inKey[inKey.length - 1];
    if (last) last.unique = true;
  }
  return columns;
}

/** The SQL giving a column's value in copy number `copy` of row `t`. */
function copiedValue(column: ColumnInfo): string {
  const value = `t."${column.name}"`;
  if (column.referencesKept) return value;
  if (column.type === 'uuid') return `md5(${value}::text || ':' || copy)::uuid`;
  if (column.type.startsWith('timestamp')) return `${value} - copy * interval '1 day'`;
  if (column.type === 'date') return `${value} - copy`;
  if (!column.unique) return value;
  if (column.type === 'text' || column.type.startsWith('character varying')) return `${value} || '~' || copy`;
  if (column.type === 'integer' || column.type === 'bigint') return `${value} + copy * 1000000`;
  return value;
}

/** How the cost per application moved with the history: each figure with history divided by the same on empty tables. */
export function costRatios(
  empty: { rowsRead: number; commits: number; rowsWritten: number; applicationsPerSecond: number },
  withHistory: { rowsRead: number; commits: number; rowsWritten: number; applicationsPerSecond: number },
): { rowsRead: number; commits: number; rowsWritten: number; secondsPerApplication: number } {
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : round(a / b, 2));
  return {
    rowsRead: ratio(withHistory.rowsRead, empty.rowsRead),
    commits: ratio(withHistory.commits, empty.commits),
    rowsWritten: ratio(withHistory.rowsWritten, empty.rowsWritten),
    secondsPerApplication: ratio(empty.applicationsPerSecond, withHistory.applicationsPerSecond),
  };
}
