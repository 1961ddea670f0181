import type { Role } from '@onewindow/platform';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Level } from '../departments/department.entity';

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A member of staff who signs in to the console (工作人员账户). Owned by the identity service alone. */
@Entity({ name: 'account' })
@Index('ux_account_username', ['username'], { unique: true })
export class Account {
  /** The token's subject, and the id other services know the person by (e.g. approval's approver directory). */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** Lower case; what the person types to sign in. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'department_code', type: 'text', nullable: true })
  departmentCode!: string | null;

  /** For window clerks: the level of their service centre. */
  @Column({ type: 'text', nullable: true })
  level!: Level | null;

  /** 证件: the resident ID number, optional. */
  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber!: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** Set by an administrator's reset: the console asks for a new password first. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  @Column({ type: 'text' })
  status!: AccountStatus;

  /** Wrong passwords since the last successful sign-in or lock. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
