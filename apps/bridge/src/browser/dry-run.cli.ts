import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadBridgeConfigurationFile } from '../adapters/bridge-configuration';
import { TRANSPORT_KINDS } from '../adapters/transport-kinds';
import { BrowserPool } from './browser-pool';
import { BrowserStepFailure, runSteps, type StepReport } from './browser-runner';
import { loadCredentials, readBrowserSettings } from './browser.transport';
import { StepPlanError } from './browser-steps';

export interface DryRunIo {
  stdout(text: string): void;
  stderr(text: string): void;
  environment: NodeJS.ProcessEnv;
  /** Headed runs wait for the engineer to look before the browser closes. */
  waitForEnter?: () => Promise<void>;
}

const USAGE = `usage: node -r ./tools/scripts/register-ts.cjs apps/bridge/src/browser/dry-run.cli.ts <adapters.yaml> <adapter-id> <sample.json> [options]
Runs a browser adapter's steps (行为模拟) against the department's web system with a sample, and prints each step's outcome.

  (outbound)      the sample is a delivery payload (an accepted part); it is mapped with the adapter's outbound spec first
  --result        run the result query steps instead; the sample is { "caseNumber": "<the system's case number>" }
  --submit        go through the final submit (a step marked submit: true); without it the run pauses before it
  --headed        show the browser window (needs a display); waits for Enter before closing
  --step-timeout MS  per-step timeout instead of the adapter's

Credentials come from where the adapters file says (a secrets file or environment variables) and are never printed.
Exit codes: 0 done or paused before the submit, 1 a step or the mapping failed (printed with the step and field), 64 usage.`;

/** Runs the dry run; the exit code. */
export async function runBrowserDryRun(argv: readonly string[], io: DryRunIo): Promise<number> {
  const flags = new Set(argv.filter((a) => ['--submit', '--headed', '--result'].includes(a)));
  const timeoutAt = argv.indexOf('--step-timeout');
  const stepTimeout = timeoutAt >= 0 ? Number(argv[timeoutAt + 1]) : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (timeoutAt < 0 || i !== timeoutAt + 1));
  const unknown = argv.filter((a) => a.startsWith('--') && !['--submit', '--headed', '--result', '--step-timeout'].includes(a));
  if (
    positional.length !== 3 ||
    unknown.length > 0 ||
    (stepTimeout !== undefined && !(Number.isInteger(stepTimeout) && stepTimeout >= 100))
  ) {
    io.stderr(`${unknown.length > 0 ? `unknown option ${unknown[0]}\n` : ''}${USAGE}\n`);
    return 64;
  }
  const [adaptersFile, adapterId, sampleFile] = positional as [string, string, string];
  let sample: unknown;
  let compiled: ReturnType<typeof loadBridgeConfigurationFile>;
  try {
    compiled = loadBridgeConfigurationFile(adaptersFile, TRANSPORT_KINDS);
    sample = JSON.parse(readFileSync(sampleFile, 'utf8'));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  const adapter = compiled.configuration.adapters.find((a) => a.id === adapterId);
  if (!adapter) {
    io.stderr(`adapter ${adapterId} is not in ${adaptersFile} (${compiled.configuration.adapters.map((a) => a.id).join(', ')})\n`);
    return 1;
  }
  const direction = flags.has('--result') ? adapter.inbound?.find((i) => i.kind === 'result') : adapter.outbound;
  if (!direction || direction.transport.kind !== 'browser') {
    io.stderr(`adapter ${adapterId} has no browser ${flags.has('--result') ? 'result query' : 'outbound'} transport\n`);
    return 1;
  }
  let record: Record<string, unknown>;
  if (flags.has('--result')) {
    record = sample as Record<string, unknown>;
  } else {
    const mapped = compiled.mappings.get(direction.mapping.name)?.map(sample);
    if (!mapped?.ok) {
      for (const error of mapped?.ok === false ? mapped.errors : []) io.stderr(`✗ mapping ${error.message}\n`);
      return 1;
    }
    record = mapped.value;
  }
  const settings = readBrowserSettings(direction.transport, '').value;
  const credentials = loadCredentials(settings, io.environment);
  if (credentials && 'missing' in credentials) {
    io.stderr(`${credentials.missing}\n`);
    return 1;
  }
  const pool = new BrowserPool({ chromiumPath: settings.chromiumPath, headless: !flags.has('--headed'), size: 1 });
  const missing = pool.unavailable();
  if (missing) {
    io.stderr(`${missing} (apt-get install chromium, or set chromiumPath in the adapter)\n`);
    return 1;
  }
  const mark: Record<StepReport['outcome'], string> = { ok: '✓', skipped: '-', failed: '✗', paused: '⏸' };
  io.stdout(`${adapter.name}（${adapter.id}）${flags.has('--result') ? '结果查询' : '录入'} ${settings.baseUrl}\n`);
  try {
    const result = await pool.use(async (context, keepSession) => {
      const page = await context.newPage();
      const run = await runSteps(page, settings.steps, record, {
        baseUrl: settings.baseUrl,
        stepTimeoutMs: stepTimeout ?? settings.stepTimeoutMs,
        ...(credentials ? { credentials } : {}),
        ...(settings.login ? { login: settings.login } : {}),
        onLogin: keepSession,
        report: (entry) =>
          io.stdout(`${mark[entry.outcome]} ${entry.label.padEnd(7)} ${entry.title}${entry.detail ? `  ${entry.detail}` : ''}\n`),
        beforeSubmit: async () => flags.has('--submit'),
      });
      if (flags.has('--headed')) {
        io.stdout('按回车键关闭浏览器 (press Enter to close the browser)\n');
        await io.waitForEnter?.();
      }
      return run;
    });
    if (Object.keys(result.reads).length > 0) io.stdout(`读取 read: ${JSON.stringify(result.reads)}\n`);
    io.stdout(
      result.submitted ? '完成 done\n' : '已在最终提交前暂停；加 --submit 提交 (paused before the final submit; add --submit to submit)\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof BrowserStepFailure || error instanceof StepPlanError) io.stderr(`${error.message}\n`);
    else io.stderr(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await pool.close();
  }
}

if (require.main === module) {
  void runBrowserDryRun(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // eslint-disable-next-line no-restricted-syntax -- a command-line tool: the credentials' variables the adapters file names
    environment: process.env,
    waitForEnter: () =>
      new Promise<void>((resolve) => {
        const lines = createInterface({ input: process.stdin });
        lines.once('line', () => {
          lines.close();
          resolve();
        });
      }),
  }).then((code) => process.exit(code));
}
