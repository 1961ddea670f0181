/**
 * The quick form of `npm run chaos` in CI: every scenario small (150 applications through the full
 * loop under one round of faults, 100 poison messages, the fuzz with one generated request per
 * operation besides the fixed hostile classes, the whole authorisation matrix, SIGTERM to each
 * service), each held to the same goal as the full run. The full run's figures are in the README.
 */
import { testDatabaseUrl, testKafkaBrokers } from '@onewindow/testing';
import { runChaos, type ChaosResults } from './src/chaos';
import { quickOrFull, SCENARIOS } from './src/chaos-options';

describe('npm run chaos, quick', () => {
  let results: ChaosResults;

  beforeAll(async () => {
    results = await runChaos(
      { ...quickOrFull(true), databaseUrl: testDatabaseUrl(), kafkaBrokers: testKafkaBrokers().join(',') },
      SCENARIOS,
      (line) => process.stdout.write(`${line.slice(0, 400)}\n`),
    );
  }, 15 * 60_000);

  it.each(SCENARIOS)('meets the goals of %s', (scenario) => {
    const run = results[scenario];
    expect(run?.error).toBeUndefined();
    const failures = run?.result && 'failures' in run.result ? run.result.failures : [];
    const missed = run?.result && 'rows' in run.result ? run.result.rows.filter((row) => !row.met) : [];
    expect({ failures, missed }).toEqual({ failures: [], missed: [] });
    expect(run?.passed).toBe(true);
  });
});
