import { Client } from 'pg';

/** The role the services log in as during a chaos run: its own, so refusing it touches nobody else's work. */
export const CHAOS_ROLE = 'onewindow_chaos';
/** The database the services' schemas live in during a chaos run. */
export const CHAOS_DATABASE = 'onewindow_chaos';

/**
 * The chaos suite's corner of the shared PostgreSQL server: a role of its own (not a superuser, so
 * a connection limit binds it) owning a database of its own. The harness terminates that role's
 * sessions and makes the server refuse it (`ALTER ROLE … CONNECTION LIMIT 0`) and undoes it; the
 * server itself is never stopped, and other users of it never notice.
 */
export class ChaosDatabase {
  /** The URL the services are started with. */
  readonly servicesUrl: string;
  /** A superuser URL of the chaos database: the harness's own counting and fault making. */
  readonly adminUrl: string;
  private client: Client | null = null;

  private constructor(serverUrl: string) {
    const services = new URL(serverUrl);
    services.username = CHAOS_ROLE;
    services.password = '';
    services.pathname = `/${CHAOS_DATABASE}`;
    this.servicesUrl = services.toString();
    const admin = new URL(serverUrl);
    admin.pathname = `/${CHAOS_DATABASE}`;
    this.adminUrl = admin.toString();
  }

  /** Creates the role and the database once; a run that died while refusing leaves the role refused, so it is let in again here. */
  static async open(serverUrl: string): Promise<ChaosDatabase> {
    const server = new Client({ connectionString: serverUrl });
    await server.connect();
    try {
      const role = await server.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [CHAOS_ROLE]);
      if (role.rowCount === 0) await server.query(`CREATE ROLE ${CHAOS_ROLE} LOGIN NOSUPERUSER`).catch(ignoreDuplicate);
      await server.query(`ALTER ROLE ${CHAOS_ROLE} CONNECTION LIMIT -1`);
      const database = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [CHAOS_DATABASE]);
      if (database.rowCount === 0) await server.query(`CREATE DATABASE ${CHAOS_DATABASE} OWNER ${CHAOS_ROLE}`).catch(ignoreDuplicate);
    } finally {
      await server.end();
    }
    const database = new ChaosDatabase(serverUrl);
    database.client = new Client({ connectionString: database.adminUrl });
    await database.client.connect();
    return database;
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await (this.client as Client).query(sql, parameters)).rows as T[];
  }

  /** pg_terminate_backend for every session of the services' role: what a database fail-over does to them. */
  async terminateSessions(): Promise<number> {
    const rows = await this.query<{ terminated: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity WHERE usename = $1',
      [CHAOS_ROLE],
    );
    return rows[0]?.terminated ?? 0;
  }

  /** The server refuses every new connection of the services' role, and the ones it has are ended. */
  async refuseConnections(): Promise<number> {
    await this.query(`ALTER ROLE ${CHAOS_ROLE} CONNECTION LIMIT 0`);
    return this.terminateSessions();
  }

  async allowConnections(): Promise<void> {
    await this.query(`ALTER ROLE ${CHAOS_ROLE} CONNECTION LIMIT -1`);
  }

  /** Leaves the role let in whatever happened. */
  async close(): Promise<void> {
    await this.allowConnections().catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

function ignoreDuplicate(error: unknown): void {
  // Two runs creating the role or the database at once: the other one won.
  if ((error as { code?: string }).code !== '42710' && (error as { code?: string }).code !== '42P04' && (error as { code?: string }).code !== '23505') throw error;
}
