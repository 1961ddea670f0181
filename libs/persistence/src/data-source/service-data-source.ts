import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** An entity or migration class. */
export type ClassType = new (...args: never[]) => unknown;

export interface ServiceDataSourceOptions {
  /** `postgres://user@host:port/database` */
  url: string;
  /** The service's own schema; nothing else writes to it. */
  schema: string;
  entities: ClassType[];
  migrations: ClassType[];
  poolSize?: number;
  applicationName?: string;
  logging?: boolean;
}

/**
 * A TypeORM data source for one service: its own schema, reviewed migrations only
 * (`synchronize` is never on), the migrations table inside that schema.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Schema name "${options.schema}" must be lower-case letters, digits and underscores`);
  }
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: options.logging ? ['error', 'warn', 'migration'] : ['error'],
    applicationName: options.applicationName ?? `onewindow-${options.schema}`,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  });
}

export async function ensureSchema(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schemaOf(dataSource)}"`);
}

/** Creates the schema if needed and applies pending migrations, each in its own transaction. */
export async function migrateDatabase(dataSource: DataSource): Promise<string[]> {
  await ensureSchema(dataSource);
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}

export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}

export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The data source has no schema');
  return schema;
}

/** `"schema"."table"` of an entity, for the few statements written in SQL (upserts with RETURNING). */
export function quotedTable(manager: DataSource | EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const dataSource = 'connection' in manager ? manager.connection : manager;
  return dataSource
    .getMetadata(entity)
    .tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
