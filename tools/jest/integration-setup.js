'use strict';
// Integration tests wait for real brokers and databases. This only bounds a hung test;
// speed is measured by the benchmarks (npm run bench), never asserted in tests.
jest.setTimeout(180_000);
