import type { DemoAccount } from '@onewindow/platform';

const ROLE_TITLES: Record<string, string> = {
  clerk: '综合窗口',
  approver: '审批',
  supervisor: '监管',
  'supervisor-head': '监管负责人',
  manager: '中心管理',
  integrator: '系统集成',
  admin: '系统管理',
};

export interface BannerFacts {
  seconds: number;
  dataDir: string;
  consoleUrl: string;
  services: Array<{ name: string; url: string }>;
  demoAccounts: readonly DemoAccount[];
  /** What an operator must act on soon, from the services' warnings. */
  warnings?: readonly string[];
}

/** What `npm start` prints once the platform is ready: the console's address first, then who can sign in. */
export function renderBanner(facts: BannerFacts): string {
  const lines = [
    '',
    `OneWindow is ready in ${facts.seconds.toFixed(1)} s (embedded: one process, PGlite in ${facts.dataDir}, in-process bus)`,
    '',
    `  控制台 console   ${facts.consoleUrl}`,
  ];
  const passwords = [...new Set(facts.demoAccounts.map((account) => account.password))];
  if (facts.demoAccounts.length > 0) {
    lines.push('', `  演示账户 demo accounts${passwords.length === 1 ? ` (密码 password ${passwords[0]})` : ''}:`);
    const width = Math.max(...facts.demoAccounts.map((account) => account.username.length));
    for (const account of facts.demoAccounts) {
      const role = `${ROLE_TITLES[account.role] ?? account.role}`;
      lines.push(
        `    ${padWide(role, 10)} ${account.username.padEnd(width)}  ${padWide(account.displayName, 10)} ${account.unit}${passwords.length > 1 ? `  ${account.password}` : ''}`,
      );
    }
  }
  // Warnings the operator must act on (next year's calendar from 1 November), once per kind.
  const warnings = [...new Set(facts.warnings ?? [])];
  if (warnings.length > 0) lines.push('', ...warnings.map((warning) => `  ⚠ ${warning}`));
  lines.push(
    '',
    `  APIs behind the console: ${facts.services.map((service) => `${facts.consoleUrl}/api/${service.name}/`).join('  ')}`,
    `  each service alone: ${facts.services.map((service) => `${service.name} ${service.url}`).join(' · ')} (OpenAPI at /docs, JSON in docs/openapi/)`,
    '  try it: npm run demo      a token for scripts: npm run token -- --role clerk --name 李受理',
    '',
  );
  return lines.join('\n');
}

/** Pads to a width in terminal columns: a Chinese character takes two. */
function padWide(text: string, columns: number): string {
  const width = [...text].reduce((sum, character) => sum + (/[\u2e80-\uffff]/.test(character) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - width));
}
