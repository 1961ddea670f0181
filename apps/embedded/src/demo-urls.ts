import { Env } from '@onewindow/platform';
import { IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';
import type { Urls } from './demo-walkthrough';

/**
 * Where `npm run demo` finds the services: INTAKE_URL, APPROVAL_URL and SUPERVISION_URL when set,
 * else the embedded ports shifted by ONEWINDOW_PORT_OFFSET, as `npm start` shifted them.
 */
export class DemoUrlsConfig {
  @Env('INTAKE_URL')
  @IsOptional()
  @IsUrl({ require_tld: false })
  intakeUrl?: string;

  @Env('APPROVAL_URL')
  @IsOptional()
  @IsUrl({ require_tld: false })
  approvalUrl?: string;

  @Env('SUPERVISION_URL')
  @IsOptional()
  @IsUrl({ require_tld: false })
  supervisionUrl?: string;

  @Env('ONEWINDOW_PORT_OFFSET')
  @IsInt()
  @Min(0)
  @Max(60_000)
  portOffset: number = 0;
}

export function demoUrls(config: DemoUrlsConfig): Urls {
  const local = (port: number) => `http://127.0.0.1:${port + config.portOffset}`;
  return {
    intake: config.intakeUrl ?? local(3001),
    approval: config.approvalUrl ?? local(3002),
    supervision: config.supervisionUrl ?? local(3003),
  };
}
