import { randomBytes } from 'node:crypto';
import { DataSource, type MigrationInterface } from 'typeorm';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabaseUrl(): string {
  return process.env['DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
}

export interface TestSchema {
  schema: string;
  url: string;
  dataSource: DataSource;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A data source on a fresh, uniquely named schema of the test PostgreSQL, migrated with the
 * given (real) migrations. Suites never share tables, and `drop()` leaves nothing behind.
 */
export async function openTestSchema(options: {
  prefix: string;
  entities: Array<new (...args: never[]) => unknown>;
  migrations: Array<new () => MigrationInterface>;
  poolSize?: number;
}): Promise<TestSchema> {
  const url = testDatabaseUrl();
  const schema = `t_${options.prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    schema,
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) {
        await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await dataSource.destroy();
      }
    },
  };
}
