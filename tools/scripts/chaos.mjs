#!/usr/bin/env node
// `npm run chaos [-- faults|poison|fuzz|authorisation|shutdown ...] [--quick]`: the chaos suite, never
// part of `npm test` (its quick form runs in CI as chaos/chaos-quick.int-spec.ts). Builds the services
// (every scenario runs dist/*), starts a Kafka broker from the Maven Central artifacts (the faults
// scenario starts its own, to stop and kill it), uses the PostgreSQL of DATABASE_URL (a superuser:
// the suite makes its own role and database there), and writes chaos/results/.
// CHAOS_APPLICATIONS, CHAOS_POISON_MESSAGES, CHAOS_REFUSE_SECONDS, CHAOS_FUZZ_RUNS, CHAOS_SEED size it.
import { runHarness } from './run-harness.mjs';

await runHarness({
  entry: 'chaos/src/run-chaos.ts',
  resultsVariable: 'CHAOS_RESULTS_DIR',
  resultsDir: 'chaos/results',
  // CHAOS_SKIP_BUILD=1: a long run keeps the build it started with while the tree is rebuilt meanwhile.
  build: process.env.CHAOS_SKIP_BUILD !== '1',
});
