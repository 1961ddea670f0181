import 'reflect-metadata';
import { BaseServiceConfig, loadConfig } from '@onewindow/platform';
import { DemoUrlsConfig, demoUrls } from './demo-urls';
import { runDemo } from './demo-walkthrough';

/**
 * `npm run demo`: walks one application through the whole platform against the running
 * services (embedded or deployed). Base URLs: INTAKE_URL, APPROVAL_URL, SUPERVISION_URL, else the
 * embedded ports shifted by ONEWINDOW_PORT_OFFSET; tokens are signed with AUTH_TOKEN_SECRET
 * (default: development).
 */
async function main(): Promise<void> {
  const config = loadConfig(BaseServiceConfig, { overrides: { HTTP_PORT: '3001' } });
  const urls = demoUrls(loadConfig(DemoUrlsConfig));
  process.stdout.write(`OneWindow demo: one application through intake → approval → supervision (${urls.intake})\n`);
  await runDemo(urls, config.authTokenSecret);
  process.stdout.write('\n演示完成 Demo complete.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`\n演示失败 Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
