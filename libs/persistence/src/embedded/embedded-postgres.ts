import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite serves one query at a time and, inside a transaction, only the connection that opened
 * it: a second pooled connection would wait forever for a transaction that waits for it. Every
 * data source on an embedded database therefore uses exactly one connection.
 */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * PostgreSQL's settings for an embedded database. PGlite's default shared_buffers is 128 MB, and
 * Postgres touches all of it at start: about 130 MiB resident per database, five of them in the
 * embedded default. The embedded data is small and its files sit in the operating system's page
 * cache anyway (PGlite reads and writes real files), so 8 MB of buffers costs no measurable speed
 * and saves about 120 MiB per database (docs/adr/embedded-memory-and-start.md).
 */
export const EMBEDDED_POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '8MB',
};

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL (PGlite, Postgres compiled to WebAssembly) behind the PostgreSQL wire
 * protocol, for the one-process embedded default: the services connect with `pg` exactly as to
 * a real server. With `dataDir` the data survives restarts; without, it lives in memory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number; host?: string } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), startParams: embeddedStartParams() });
  await db.waitReady;
  const host = options.host ?? '127.0.0.1';
  // Two connections: the service's single pooled one and one for a command run beside it (migrate).
  const server = new PGLiteSocketServer({ db, port: options.port ?? 0, host, maxConnections: 4 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Creates every data folder that holds no database yet with one initdb, copied: an empty cluster
 * is the same bytes whoever asks for it, and initdb is the slowest and most memory-hungry part of
 * a first start (seconds and about 600 MiB, for each service's database). It runs in a short-lived
 * child process, so that the memory it takes goes back to the system when it ends instead of
 * staying in the platform's heap. Folders that already hold a database are left alone.
 */
export async function initialiseEmbeddedDataDirs(dataDirs: readonly string[]): Promise<void> {
  const missing = dataDirs.filter((dataDir) => !holdsDatabase(dataDir));
  const [first, ...others] = missing;
  if (first === undefined) return;
  mkdirSync(first, { recursive: true });
  const initdb = [
    `const { PGlite } = require(${JSON.stringify(require.resolve('@electric-sql/pglite'))});`,
    `const db = new PGlite({ dataDir: process.argv[1], startParams: JSON.parse(process.argv[2]) });`,
    `db.waitReady.then(() => db.close()).catch((error) => { console.error(error); process.exit(1); });`,
  ].join('\n');
  await promisify(execFile)(process.execPath, ['-e', initdb, first, JSON.stringify(embeddedStartParams())], {
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const dataDir of others) {
    // A folder left half-written by an interrupted copy is replaced whole.
    cpSync(first, dataDir, { recursive: true, force: true });
  }
}

function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION')) && readdirSync(join(dataDir, 'global')).length > 0;
}

function embeddedStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams,
    ...Object.entries(EMBEDDED_POSTGRES_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}
