export { openTestSchema, testDatabaseUrl, DEFAULT_TEST_DATABASE_URL, type TestSchema } from './test-schema';
export { testKafkaBrokers, uniqueTopicPrefix } from './kafka';
export { eventually } from './eventually';
export { readableText } from './readable-text';
export { schemaDriftOf } from './schema-drift';
// Driving a running platform from tests and benchmarks: service processes and the HTTP steps a clerk or approver takes.
export { startServiceProcess, type ServiceProcess } from './platform/service-process';
export { startPlatformProcesses, SERVICE_NAMES, type RunningPlatform, type ServiceName } from './platform/platform-processes';
export { callApi, requestJson, type ApiResponse } from './platform/http';
export { startAnotherInstance } from './platform/another-instance';
export { countOutcomes, settled, type OutcomeCounts } from './platform/outcome-counts';
export { callAtConsole, signInAtConsole, DEMO_PASSWORD, type ConsoleSession } from './platform/console-session';
export {
  startConsolePlatform,
  type ConsolePlatform,
  type ConsolePlatformOptions,
  type ConsoleDemoAccount,
} from './platform/console-platform';
export { decideCase } from './platform/approval-steps';
export { setOutboundCodeTableEntry } from './platform/adapters-file';
export { aConstructionPermitFiling, fileAtWindow } from './platform/window-filing';
export {
  DEMO_PROJECT,
  RESTAURANT_BUNDLE_SITUATIONS,
  aConstructionPermitForm,
  aDemoForm,
  aFoodLicenceForm,
  aRestaurantBundleForm,
  type DemoCompany,
  type DemoFormAnswers,
  type DemoFormSource,
} from './platform/demo-forms';
// Fuzz from the OpenAPI documents and what a request wrote: the fuzz spec and `npm run chaos`.
export {
  FUZZ_ROLES,
  HOSTILE_BODIES,
  HOSTILE_PARAMETERS,
  HOSTILE_VALUES,
  callerLetIn,
  nested,
  operationsOf,
  plausibleParameter,
  requestFields,
  requestsOf,
  type FuzzCaller,
  type FuzzRequest,
  type OpenApiDocument,
  type OpenApiOperation,
  type Operation,
  type Schema,
} from './fuzz/openapi-fuzz';
export { changedTables, databaseFingerprint, settledFingerprint, type SchemaQueries } from './fuzz/database-writes';
export { harnessEnv, replaceMarkedSection } from './harness/harness-env';
