import { QueryFailedError } from 'typeorm';
import { databaseFailureOf } from './database-errors';

function queryFailed(code: string, message: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

describe('what a database error means for the caller', () => {
  it('is a conflict when another request got there first', () => {
    expect(databaseFailureOf(queryFailed('23505', 'duplicate key value violates unique constraint "pk_adapter_state"'))).toBe('conflict');
    expect(databaseFailureOf(queryFailed('40001', 'could not serialize access due to concurrent update'))).toBe('conflict');
    expect(databaseFailureOf(queryFailed('40P01', 'deadlock detected'))).toBe('conflict');
  });

  it('is nothing the caller can act on otherwise: a bug stays a 500', () => {
    expect(databaseFailureOf(queryFailed('42P01', 'relation "application" does not exist'))).toBeUndefined();
    expect(databaseFailureOf(queryFailed('22P02', 'invalid input syntax for type uuid'))).toBeUndefined();
    expect(databaseFailureOf(new Error('Connection terminated unexpectedly'))).toBeUndefined();
    expect(databaseFailureOf(new TypeError("Cannot read properties of undefined (reading 'kind')"))).toBeUndefined();
    expect(databaseFailureOf('a string')).toBeUndefined();
  });
});
