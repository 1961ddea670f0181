export {
  createServiceDataSource,
  ensureSchema,
  migrateDatabase,
  quotedTable,
  revertLastMigration,
  schemaOf,
  type ClassType,
  type ServiceDataSourceOptions,
} from './data-source/service-data-source';
export { findSchemaDrift, generateMigrationSource } from './migrations/schema-drift';
export {
  EMBEDDED_POOL_SIZE,
  EMBEDDED_POSTGRES_SETTINGS,
  initialiseEmbeddedDataDirs,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './embedded/embedded-postgres';
export { nextCounterValue } from './counters/next-counter-value';
export { lockUntilCommit } from './locks/lock-until-commit';
