import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The roles the services log in as during chaos runs: one per run, so refusing it touches nobody else's work, not even another run's. */
export const CHAOS_ROLE = 'onewindow_chaos';
/** The database the services' schemas live in during a chaos run. */
export const CHAOS_DATABASE = 'onewindow_chaos';

/**
 * The chaos suite's corner of the shared PostgreSQL server: a database of its own and, for each
 * run, a role of its own (not a superuser, so a connection limit binds it). The harness terminates that role's
 * sessions and makes the server refuse it (`ALTER ROLE … CONNECTION LIMIT 0`) and undoes it; the
 * server itself is never stopped, and other users of it never notice.
 */
export class ChaosDatabase {
  /** The URL the services are started with. */
  readonly servicesUrl: string;
  /** A superuser URL of the chaos database: the harness's own counting and fault making. */
  readonly adminUrl: string;
  private client: Client | null = null;

  private constructor(
    serverUrl: string,
    /** This run's role. */
    readonly role: string,
  ) {
    const services = new URL(serverUrl);
    services.username = role;
    services.password = '';
    services.pathname = `/${CHAOS_DATABASE}`;
    this.servicesUrl = services.toString();
    const admin = new URL(serverUrl);
    admin.pathname = `/${CHAOS_DATABASE}`;
    this.adminUrl = admin.toString();
  }

  /** Creates the database once and a role for this run, allowed to connect to it and create its schemas. */
  static async open(serverUrl: string): Promise<ChaosDatabase> {
    const role = `${CHAOS_ROLE}_${randomBytes(3).toString('hex')}`;
    const server = new Client({ connectionString: serverUrl });
    await server.connect();
    try {
      const database = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [CHAOS_DATABASE]);
      if (database.rowCount === 0) await server.query(`CREATE DATABASE ${CHAOS_DATABASE}`).catch(ignoreDuplicate);
      await server.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER`);
      await server.query(`GRANT CONNECT, CREATE ON DATABASE ${CHAOS_DATABASE} TO ${role}`);
    } finally {
      await server.end();
    }
    const database = new ChaosDatabase(serverUrl, role);
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
      [this.role],
    );
    return rows[0]?.terminated ?? 0;
  }

  /** The server refuses every new connection of the services' role, and the ones it has are ended. */
  async refuseConnections(): Promise<number> {
    await this.query(`ALTER ROLE ${this.role} CONNECTION LIMIT 0`);
    return this.terminateSessions();
  }

  async allowConnections(): Promise<void> {
    await this.query(`ALTER ROLE ${this.role} CONNECTION LIMIT -1`);
  }

  /** Drops what the run's role still owns (the services' schemas) and the role itself. */
  async close(): Promise<void> {
    await this.allowConnections().catch(() => undefined);
    await this.terminateSessions().catch(() => undefined);
    await this.query(`DROP OWNED BY ${this.role} CASCADE`).catch(() => undefined);
    await this.query(`REVOKE ALL ON DATABASE ${CHAOS_DATABASE} FROM ${this.role}`).catch(() => undefined);
    await this.query(`DROP ROLE IF EXISTS ${this.role}`).catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

function ignoreDuplicate(error: unknown): void {
  // Two runs creating the role or the database at once: the other one won.
  if (
    (error as { code?: string }).code !== '42710' &&
    (error as { code?: string }).code !== '42P04' &&
    (error as { code?: string }).code !== '23505'
  )
    throw error;
}
