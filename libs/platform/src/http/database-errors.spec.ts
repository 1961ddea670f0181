import { createServer, type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { databaseFailureOf } from './database-errors';

function queryFailed(code: string, message: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('what a database error means for the caller', () => {
  it('is unavailable when the server ended the session or refuses connections', () => {
    expect(databaseFailureOf(queryFailed('57P01', 'terminating connection due to administrator command'))).toBe('unavailable');
    expect(databaseFailureOf(queryFailed('57P03', 'the database system is starting up'))).toBe('unavailable');
    expect(databaseFailureOf(queryFailed('08006', 'connection failure'))).toBe('unavailable');
    expect(databaseFailureOf(queryFailed('53300', 'sorry, too many clients already'))).toBe('unavailable');
    expect(databaseFailureOf(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(databaseFailureOf(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
  });

  it('is unavailable when the session was terminated inside a transaction and TypeORM released its query runner', () => {
    // npm run chaos (faults): a filing's outbox flush, run just before COMMIT on a session that
    // pg_terminate_backend had ended, met this error and answered 500. The COMMIT was never sent.
    expect(databaseFailureOf(new QueryRunnerAlreadyReleasedError())).toBe('unavailable');
    // The full chaos run (8,650 applications): a decision's numbering query, through the transaction's entity manager.
    expect(databaseFailureOf(new QueryRunnerProviderAlreadyReleasedError())).toBe('unavailable');
  });

  it('is unavailable for a real refused connection', async () => {
    const client = new Client({
      host: '127.0.0.1',
      port: await closedPort(),
      user: 'postgres',
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
    const refused = await client.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeDefined();
    expect(databaseFailureOf(refused)).toBe('unavailable');
  });

  it('is a conflict when another request got there first', () => {
    expect(databaseFailureOf(queryFailed('23505', 'duplicate key value violates unique constraint "pk_adapter_state"'))).toBe('conflict');
    expect(databaseFailureOf(queryFailed('40001', 'could not serialize access due to concurrent update'))).toBe('conflict');
    expect(databaseFailureOf(queryFailed('40P01', 'deadlock detected'))).toBe('conflict');
  });

  it('is nothing the caller can act on otherwise: a bug stays a 500', () => {
    expect(databaseFailureOf(queryFailed('42P01', 'relation "application" does not exist'))).toBeUndefined();
    expect(databaseFailureOf(queryFailed('22P02', 'invalid input syntax for type uuid'))).toBeUndefined();
    expect(databaseFailureOf(new TypeError("Cannot read properties of undefined (reading 'kind')"))).toBeUndefined();
    expect(databaseFailureOf('a string')).toBeUndefined();
  });
});
