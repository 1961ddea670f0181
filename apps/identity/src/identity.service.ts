import type { ServiceDefinition } from '@onewindow/platform';
import { AccountChange } from './accounts/account-change.entity';
import { Account } from './accounts/account.entity';
import { AccountsModule } from './accounts/accounts.module';
import { AccountsService } from './accounts/accounts.service';
import { DEMO_ACCOUNTS } from './demo/demo-organisation';
import { seedDemoAccounts } from './demo/seed-demo-accounts';
import { Department } from './departments/department.entity';
import { DepartmentsModule } from './departments/departments.module';
import { IdentityConfig } from './identity.config';
import { IDENTITY_MIGRATIONS } from './migrations';
import { Session } from './sessions/session.entity';
import { SessionsModule } from './sessions/sessions.module';
import { SignInRecord } from './sessions/sign-in-record.entity';

/**
 * 统一身份认证: staff accounts, sign-in and sign-out, lockout and the sign-in audit. It issues the
 * tokens every other service verifies, owns its own schema, and answers HTTP only (no events).
 */
export const identityService: ServiceDefinition<IdentityConfig> = {
  name: 'identity',
  title: '统一身份认证 identity',
  defaultPort: 3005,
  httpOnly: true,
  configClass: IdentityConfig,
  modules: () => [DepartmentsModule, AccountsModule, SessionsModule],
  entities: [Account, AccountChange, Department, Session, SignInRecord],
  migrations: IDENTITY_MIGRATIONS,
  demoAccounts: DEMO_ACCOUNTS,
  async seedDemoData(app) {
    await seedDemoAccounts(app);
  },
  async onStart(app, config) {
    if (config.initialAdminPassword) await app.get(AccountsService).createInitialAdministrator(config.initialAdminPassword);
  },
};
