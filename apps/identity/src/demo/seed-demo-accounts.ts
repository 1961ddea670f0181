import type { INestApplication } from '@nestjs/common';
import { AccountRepository } from '../accounts/account.repository';
import { AccountsService } from '../accounts/accounts.service';
import { DepartmentRepository } from '../departments/department.repository';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS } from './demo-organisation';

/** The demo organisation and its accounts, into an empty identity database (idempotent). */
export async function seedDemoAccounts(app: INestApplication): Promise<void> {
  await app.get(DepartmentRepository).upsert(DEMO_DEPARTMENTS);
  if ((await app.get(AccountRepository).count()) > 0) return;
  const accounts = app.get(AccountsService);
  const seeder = { id: 'demo', name: '演示数据' };
  // One at a time: each hash takes a moment of one core, and the machine has others to serve.
  for (const { unit: _unit, ...account } of DEMO_ACCOUNTS) {
    await accounts.create(seeder, { ...account, id: account.username, mustChangePassword: false });
  }
}
