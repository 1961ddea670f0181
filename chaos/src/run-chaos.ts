/**
 * `npm run chaos [-- faults poison fuzz authorisation shutdown] [--quick]` runs this after building
 * the services and starting a Kafka broker (tools/scripts/chaos.mjs). Prints the table, writes
 * chaos/results/latest.json and latest.md, and exits non-zero when a goal was missed.
 */
import { passedAll, runChaos } from './chaos';
import { readChaosOptions } from './chaos-options';
import { renderChaosMarkdown } from './report';

async function main(): Promise<void> {
  const { options, scenarios } = readChaosOptions(process.argv.slice(2));
  const results = await runChaos(options, scenarios, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${renderChaosMarkdown(results)}\n${options.resultsDir ? `results in ${options.resultsDir}\n` : ''}`);
  process.exit(passedAll(results, scenarios) ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
