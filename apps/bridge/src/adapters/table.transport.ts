import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { SourceCursorRepository } from './source-cursor.repository';
import { SettingsReader } from './settings';
import {
  TransportError,
  type InboundItem,
  type OutboundTransport,
  type PolledSource,
  type TransportContext,
  type TransportKind,
} from './transport';

const QUALIFIED_NAME = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;
const COLUMN = /^[a-z_][a-z0-9_]*$/;

interface TableSettings {
  /** `schema.table` in the department's database. */
  table: string;
  /** `bridge-database` (the demo systems) or a postgres:// URL of the department's database. */
  connection: string;
  /** In: a column that only grows (an identity, a sequence number): the cursor. */
  cursorColumn: string;
}

function read(settings: Record<string, unknown>, path: string, inbound: boolean): { value: TableSettings; reader: SettingsReader } {
  const reader = new SettingsReader(settings, path);
  const table = reader.string('table', { pattern: QUALIFIED_NAME, hint: '必须是小写的 schema.table' }) ?? '';
  const connection =
    reader.string('connection', {
      pattern: /^(bridge-database|postgres(ql)?:\/\/\S+)$/,
      hint: '必须是 bridge-database 或 postgres:// 地址',
    }) ?? '';
  const cursorColumn = inbound
    ? (reader.string('cursorColumn', { pattern: COLUMN, hint: '必须是小写的列名' }) ?? '')
    : (reader.string('cursorColumn', { optional: true, pattern: COLUMN, hint: '必须是小写的列名' }) ?? '');
  return { value: { table, connection, cursorColumn }, reader };
}

type Query = (sql: string, parameters: unknown[]) => Promise<Array<Record<string, unknown>>>;

function queryFor(settings: TableSettings, dataSource: DataSource): { query: Query; close(): Promise<void> } {
  if (settings.connection === 'bridge-database') {
    return { query: (sql, parameters) => dataSource.query(sql, parameters), close: async () => undefined };
  }
  const pool = new Pool({ connectionString: settings.connection, max: 2, application_name: 'onewindow-bridge' });
  return { query: async (sql, parameters) => (await pool.query(sql, parameters)).rows, close: () => pool.end() };
}

function quoted(qualified: string): string {
  return qualified
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/** Table out: one row per delivery in the department's intake table; a row already there (unique violation) counts as delivered. */
export class TableOutboundTransport implements OutboundTransport {
  private readonly connection;

  constructor(
    private readonly settings: TableSettings,
    dataSource: DataSource,
  ) {
    this.connection = queryFor(settings, dataSource);
  }

  async send(record: Record<string, unknown>) {
    const columns = Object.keys(record);
    const bad = columns.find((column) => !COLUMN.test(column));
    if (bad) throw new TransportError(`映射结果的字段“${bad}”不是合法的列名`, false);
    const values = columns.map((column) => {
      const value = record[column];
      return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
    });
    try {
      const rows = await this.connection.query(
        `INSERT INTO ${quoted(this.settings.table)} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        values,
      );
      const first = rows[0] ?? {};
      const reference = this.settings.cursorColumn ? first[this.settings.cursorColumn] : undefined;
      return { acknowledged: true, ...(reference !== undefined ? { reference: String(reference) } : {}) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '23505') return { acknowledged: true };
      // Constraint and type errors will not pass on a retry; connection trouble may.
      const permanent = typeof code === 'string' && /^(22|23|42)/.test(code);
      throw new TransportError(`写入部门数据表失败：${(error as Error).message}`, !permanent);
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * Table in (数据库表轮询): reads rows past the stored cursor in cursor order; each row handled
 * (published or dead-lettered) moves the cursor, in the bridge's own database.
 */
export class TableInboundSource implements PolledSource {
  private readonly connection;
  private readonly cursors: SourceCursorRepository;

  constructor(
    private readonly settings: TableSettings,
    private readonly sourceId: string,
    dataSource: DataSource,
  ) {
    this.connection = queryFor(settings, dataSource);
    this.cursors = new SourceCursorRepository(dataSource);
  }

  async poll(limit: number): Promise<InboundItem[]> {
    const readUpTo = await this.cursors.position(this.sourceId);
    const column = `"${this.settings.cursorColumn}"`;
    const table = quoted(this.settings.table);
    const rows =
      readUpTo !== null
        ? await this.connection.query(`SELECT * FROM ${table} WHERE ${column} > $1 ORDER BY ${column} LIMIT ${limit}`, [readUpTo])
        : await this.connection.query(`SELECT * FROM ${table} ORDER BY ${column} LIMIT ${limit}`, []);
    return rows.map((row) => {
      const record = jsonSafe(row);
      const position = String(row[this.settings.cursorColumn]);
      return {
        reference: `${this.settings.table}#${position}`,
        raw: JSON.stringify(record),
        decoded: { ok: true, records: [record] },
        done: async () => {
          await this.cursors.moveTo(this.sourceId, position);
        },
      };
    });
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

function jsonSafe(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

export const tableTransportKind: TransportKind = {
  kind: 'table',
  check: (settings, path, direction) => read(settings, path, direction === 'inbound').reader.problems,
  outbound: (settings, context: TransportContext) => new TableOutboundTransport(read(settings, '', false).value, context.dataSource),
  inbound: (settings, context: TransportContext) =>
    new TableInboundSource(read(settings, '', true).value, `${context.adapterId}:${String(settings['table'])}`, context.dataSource),
};
