#!/usr/bin/env node
// `npm run bench [-- mapping|embedded|pipeline|http ...]`: benchmarks, never part of `npm test`.
// Builds the services (the pipeline and start benchmarks run dist/*), starts a Kafka broker from the
// Maven Central artifacts, uses the PostgreSQL of DATABASE_URL, and writes bench/results/.
// BENCH_QUICK=1 makes every benchmark small (a smoke run); BENCH_APPLICATIONS, BENCH_CONCURRENCY,
// BENCH_ROUND_MS, BENCH_HTTP_SECONDS and BENCH_HTTP_CONNECTIONS size them one by one.
import { runHarness } from './run-harness.mjs';

await runHarness({ entry: 'bench/src/run-benchmarks.ts', resultsVariable: 'BENCH_RESULTS_DIR', resultsDir: 'bench/results' });
