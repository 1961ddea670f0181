import type { MigrationInterface } from 'typeorm';
import { openTestSchema } from './test-schema';

/**
 * Runs a service's real migrations in a fresh schema and returns the SQL TypeORM would still
 * run: empty means the entities and the reviewed migrations agree.
 */
export async function schemaDriftOf(service: {
  name: string;
  entities: Array<new (...args: never[]) => unknown>;
  migrations: Array<new (...args: never[]) => unknown>;
}): Promise<string[]> {
  const test = await openTestSchema({
    prefix: `${service.name}_drift`,
    entities: service.entities,
    migrations: service.migrations as Array<new () => MigrationInterface>,
    poolSize: 2,
  });
  try {
    const sql = await test.dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await test.drop();
  }
}
