import 'reflect-metadata';
import { BaseServiceConfig, Env, loadConfig } from '@onewindow/platform';
import { IsUrl } from 'class-validator';
import { runDemo } from './demo-walkthrough';

/**
 * `npm run demo`: walks one application through the whole platform against the running
 * services (embedded or deployed). Base URLs: INTAKE_URL, APPROVAL_URL, SUPERVISION_URL
 * (defaults: the embedded ports); tokens are signed with AUTH_TOKEN_SECRET (default: development).
 */
class DemoUrls {
  @Env('INTAKE_URL')
  @IsUrl({ require_tld: false })
  intakeUrl: string = 'http://127.0.0.1:3001';

  @Env('APPROVAL_URL')
  @IsUrl({ require_tld: false })
  approvalUrl: string = 'http://127.0.0.1:3002';

  @Env('SUPERVISION_URL')
  @IsUrl({ require_tld: false })
  supervisionUrl: string = 'http://127.0.0.1:3003';
}

async function main(): Promise<void> {
  const config = loadConfig(BaseServiceConfig, { overrides: { HTTP_PORT: '3001' } });
  const env = loadConfig(DemoUrls);
  process.stdout.write('OneWindow demo: one application through intake → approval → supervision\n');
  await runDemo({ intake: env.intakeUrl, approval: env.approvalUrl, supervision: env.supervisionUrl }, config.authTokenSecret);
  process.stdout.write('\n演示完成 Demo complete.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`\n演示失败 Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
