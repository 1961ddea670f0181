/**
 * `npm run chaos [-- faults poison fuzz authorisation shutdown] [--quick]` runs this after building
 * the services and starting a Kafka broker (tools/scripts/chaos.mjs). Prints the table, writes
 * chaos/results/latest.json and latest.md, and exits non-zero when a goal was missed.
 */
import { join } from 'node:path';
import { replaceMarkedSection } from '@onewindow/testing';
import { passedAll, runChaos } from './chaos';
import { readChaosOptions, SCENARIOS } from './chaos-options';
import { renderChaosMarkdown } from './report';

async function main(): Promise<void> {
  const { options, scenarios } = readChaosOptions(process.argv.slice(2));
  const results = await runChaos(options, scenarios, (line) => process.stdout.write(`${line}\n`));
  const markdown = renderChaosMarkdown(results);
  process.stdout.write(`\n${markdown}\n${options.resultsDir ? `results in ${options.resultsDir}\n` : ''}`);
  // Only a full run of every scenario updates the README: a quick or partial table would stand in for the real figures.
  if (!options.quick && scenarios.length === SCENARIOS.length)
    replaceMarkedSection(join(__dirname, '..', '..', 'README.md'), 'chaos', markdown);
  process.exit(passedAll(results, scenarios) ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
