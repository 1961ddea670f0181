export { openTestSchema, testDatabaseUrl, DEFAULT_TEST_DATABASE_URL, type TestSchema } from './test-schema';
export { testKafkaBrokers, uniqueTopicPrefix } from './kafka';
export { eventually } from './eventually';
export { schemaDriftOf } from './schema-drift';
