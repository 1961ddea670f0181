import type { DataSource } from 'typeorm';
import { schemaOf } from '../data-source/service-data-source';

/**
 * What TypeORM would still change after the migrations ran: empty when entities and migrations
 * agree. Each service has a test asserting it is empty, so a forgotten migration fails CI.
 */
export async function findSchemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

/**
 * Source of the next migration, written from the drift. The schema name is replaced by the one
 * the running data source is configured with, so one migration serves any schema (tests run
 * each service in a throwaway schema).
 */
export async function generateMigrationSource(dataSource: DataSource, className: string, timestamp = Date.now()): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(className)) throw new Error(`Migration class name must be PascalCase: ${className}`);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) return null;
  const schema = schemaOf(dataSource);
  const render = (query: string) => `    await queryRunner.query(\`${neutral(query, schema)}\`);`;
  const up = sql.upQueries.map((q) => render(q.query)).join('\n');
  const down = [...sql.downQueries]
    .reverse()
    .map((q) => render(q.query))
    .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className}${timestamp} implements MigrationInterface {
  name = '${className}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
${down}
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
`;
}

function neutral(query: string, schema: string): string {
  return query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replaceAll(`"${schema}".`, '"${schema}".');
}
