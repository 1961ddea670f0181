import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite serves one query at a time and, inside a transaction, only the connection that opened
 * it: a second pooled connection would wait forever for a transaction that waits for it. Every
 * data source on an embedded database therefore uses exactly one connection.
 */
export const EMBEDDED_POOL_SIZE = 1;

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
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
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
