import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ACCOUNT_CHANGES = ['created', 'updated', 'disabled', 'enabled', 'password-reset', 'password-changed', 'unlocked'] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGES)[number];

/** Who changed an account, when and what (never a password): the administration audit. */
@Entity({ name: 'account_change' })
@Index('ix_account_change_account', ['accountId', 'at'])
export class AccountChange {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId!: string;

  @Column({ type: 'text' })
  change!: AccountChangeKind;

  /** Changed fields and their new values (`role`, `departmentCode`, …). */
  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, unknown>;

  @Column({ name: 'by_id', type: 'text' })
  byId!: string;

  @Column({ name: 'by_name', type: 'text' })
  byName!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
