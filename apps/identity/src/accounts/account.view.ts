import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskResidentId } from '@onewindow/domain';
import { ROLES, type Role } from '@onewindow/platform';
import { LEVELS, type Level } from '../departments/department.entity';
import { ACCOUNT_STATUSES, type Account, type AccountStatus } from './account.entity';
import { ACCOUNT_CHANGES, type AccountChange, type AccountChangeKind } from './account-change.entity';

/** Who is signed in, as the console shows them (the session body's `user`). */
export class SessionUserView {
  @ApiProperty({ description: 'Account id: the token subject, and the id other services know the person by', example: 'wangshenpi' })
  id!: string;

  @ApiProperty({ example: 'wangshenpi' })
  username!: string;

  @ApiProperty({ example: '王审批' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ example: 'DCF-SCJGJ' })
  departmentCode?: string;

  @ApiPropertyOptional({ example: '东昌府区市场监督管理局' })
  departmentName?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  level?: Level;

  @ApiProperty({ description: 'An administrator reset the password: the console asks for a new one first' })
  mustChangePassword!: boolean;
}

/** An account as an administrator manages it. The resident ID is masked; the password never leaves the service. */
export class AccountView extends SessionUserView {
  @ApiPropertyOptional({ description: '证件: resident ID number, masked', example: '371502********002X' })
  idNumber?: string;

  @ApiProperty({ enum: ACCOUNT_STATUSES })
  status!: AccountStatus;

  @ApiPropertyOptional({ description: 'ISO 8601; set while the account is locked after wrong passwords' })
  lockedUntil?: string;

  @ApiProperty({ description: 'Wrong passwords since the last sign-in or lock' })
  failedAttempts!: number;

  @ApiPropertyOptional({ description: 'ISO 8601' })
  lastSignInAt?: string;

  @ApiProperty({ description: 'ISO 8601' })
  createdAt!: string;

  @ApiProperty({ description: 'ISO 8601' })
  updatedAt!: string;
}

export class AccountChangeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  accountId!: string;

  @ApiProperty({ enum: ACCOUNT_CHANGES })
  change!: AccountChangeKind;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Changed fields and their new values (never a password)' })
  details!: Record<string, unknown>;

  @ApiProperty({ description: 'The administrator (or the account holder) who made the change' })
  byId!: string;

  @ApiProperty()
  byName!: string;

  @ApiProperty({ description: 'ISO 8601' })
  at!: string;
}

/** The one mapping of the account aggregate to what the API answers. */
export function toSessionUserView(account: Account, departmentName: string | undefined): SessionUserView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    ...(account.departmentCode ? { departmentCode: account.departmentCode } : {}),
    ...(departmentName ? { departmentName } : {}),
    ...(account.level ? { level: account.level } : {}),
    mustChangePassword: account.mustChangePassword,
  };
}

export function toAccountView(account: Account, departmentName: string | undefined): AccountView {
  return {
    ...toSessionUserView(account, departmentName),
    ...(account.idNumber ? { idNumber: maskResidentId(account.idNumber) } : {}),
    status: account.status,
    ...(account.lockedUntil ? { lockedUntil: account.lockedUntil.toISOString() } : {}),
    failedAttempts: account.failedAttempts,
    ...(account.lastSignInAt ? { lastSignInAt: account.lastSignInAt.toISOString() } : {}),
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

export function toAccountChangeView(change: AccountChange): AccountChangeView {
  return {
    id: change.id,
    accountId: change.accountId,
    change: change.change,
    details: change.details,
    byId: change.byId,
    byName: change.byName,
    at: change.at.toISOString(),
  };
}
